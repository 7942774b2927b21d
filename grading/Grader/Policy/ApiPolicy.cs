using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grading.Notebooks;

namespace Grading.Policy;

/// <summary>
/// What student code may call: an allow-list of namespaces, types and members, where anything not allowed is denied.
/// The most specific entry that covers a name decides (a member entry beats its type's, a type's beats its
/// namespace's; at equal depth deny wins), so an assignment can open one member of a closed type or close one corner
/// of an open namespace. Deny entries exist only to carve such corners out and to explain a refusal.
/// </summary>
internal sealed partial class ApiPolicy
{
    /// <summary>The notebook metadata key an assignment declares its additions under.</summary>
    public const string MetadataKey = "student_code_policy";

    private readonly IReadOnlyList<ApiRule> rules;

    public ApiPolicy(IEnumerable<ApiRule> rules) => this.rules = rules.ToList();

    /// <summary>All entries, the default's first.</summary>
    public IReadOnlyList<ApiRule> Rules => rules;

    /// <summary>
    /// The course default plus what the notebook's <c>metadata.student_code_policy</c> adds:
    /// <c>{"allow": ["System.IO.File.ReadAllText"], "deny": ["Plotly.NET"]}</c>.
    /// </summary>
    /// <exception cref="PolicyFormatException">The metadata is not of that shape; the message says what to
    /// write.</exception>
    public static ApiPolicy For(Notebook notebook)
    {
        var added = new List<ApiRule>();
        if (notebook.Metadata[MetadataKey] is { } node)
        {
            if (node is not JsonObject declared)
            {
                throw new PolicyFormatException(
                    $"metadata.{MetadataKey} must be an object like " +
                    "{\"allow\": [\"System.IO.StringReader\"], \"deny\": []}.");
            }

            foreach (var (key, value) in declared)
            {
                if (key is not ("allow" or "deny"))
                {
                    throw new PolicyFormatException(
                        $"metadata.{MetadataKey}.{key} is not a policy list: use \"allow\" and \"deny\".");
                }

                added.AddRange(Names(value, $"metadata.{MetadataKey}.{key}").Select(name =>
                    new ApiRule(name, key == "allow", key == "deny" ? "this assignment's policy" : null)));
            }
        }

        return new ApiPolicy(CoursePolicy.Rules.Concat(added));
    }

    /// <summary>The entry that decides <paramref name="path"/>, or null when none covers it (denied).</summary>
    public ApiRule? Decide(string path)
    {
        ApiRule? best = null;
        foreach (var rule in rules)
        {
            if (rule.Covers(path)
                && (best is null || rule.Depth > best.Depth || (rule.Depth == best.Depth && !rule.Allow)))
            {
                best = rule;
            }
        }

        return best;
    }

    /// <summary>True when an entry names exactly <paramref name="path"/> as allowed (used to open single "…Unsafe"
    /// members).</summary>
    public bool AllowsExactly(string path) => rules.Any(r => r.Allow && r.Name == path);

    private static IEnumerable<string> Names(JsonNode? value, string where)
    {
        if (value is not JsonArray names)
        {
            throw new PolicyFormatException(
                $"{where} must be a list of dotted names, like [\"System.IO.StringReader\"].");
        }

        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i] is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
            if (name is null || !DottedName().IsMatch(name))
            {
                throw new PolicyFormatException(
                    $"{where}[{i}] must be a dotted name without generic arity " +
                    "(\"System.Collections.Generic.List\"), " +
                    $"found {names[i]?.ToJsonString() ?? "null"}.");
            }

            yield return name;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex DottedName();
}
