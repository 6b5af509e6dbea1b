using Zhonghan.Core;

namespace Zhonghan.Knowledge;

/// <summary>A knowledge-base problem with a message for the user (a file that cannot be read, the index busy …).</summary>
public sealed class KnowledgeException(string message, string english) : CrmException(message, english);
