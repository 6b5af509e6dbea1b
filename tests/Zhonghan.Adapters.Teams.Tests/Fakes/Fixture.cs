using System.Text.Json.Nodes;

namespace Zhonghan.Adapters.Teams.Tests.Fakes;

/// <summary>The recorded Teams payloads in Fixtures/ (see Fixtures/README.md for their public sources).</summary>
public static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static Model.Activity Activity(string name) =>
        System.Text.Json.JsonSerializer.Deserialize<Model.Activity>(Text(name), Model.TeamsJson.Options)!;
}
