using Xunit.Abstractions;
using Xunit.Sdk;
using Zhonghan.Testing.Postgres;

namespace Zhonghan.Storage.Tests;

/// <summary>Marks a contract class whose engine is PostgreSQL: its inherited tests skip or fail as <see cref="PgTest"/> says.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;

/// <summary>
/// A contract test: a plain fact, except in a <see cref="NeedsPostgresAttribute"/> class without a PostgreSQL
/// server (then skipped outside CI). The contract's tests are inherited, so the skip is decided per concrete class.
/// </summary>
[XunitTestCaseDiscoverer("Zhonghan.Storage.Tests.EngineFactDiscoverer", "Zhonghan.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

public sealed class EngineFactDiscoverer(IMessageSink diagnostics) : FactDiscoverer(diagnostics)
{
    private readonly IMessageSink diagnostics = diagnostics;

    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo fact) =>
        new EngineTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method);
}

public sealed class EngineTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public EngineTestCase() { }

    public EngineTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute)).Any() && PgTest.SkipReason is { } reason
            ? reason : base.GetSkipReason(factAttribute);
}
