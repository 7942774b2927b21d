using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookKernel.Server;

/// <summary>The inputs (and text results) of this kernel's store_history executions, for history_request.</summary>
internal sealed class History
{
    /// <summary>This process's session number (one kernel process = one session).</summary>
    public const int SessionNumber = 1;

    private readonly List<(int Line, string Input, string? Output)> entries = [];
    private readonly Lock gate = new();

    /// <summary>Records one execution.</summary>
    public void Add(int line, string input, string? output)
    {
        lock (gate)
        {
            entries.Add((line, input, output));
        }
    }

    /// <summary>The history_reply content for a history_request's content.</summary>
    public JsonObject Reply(JsonObject request)
    {
        (int Line, string Input, string? Output)[] all;
        lock (gate)
        {
            all = [.. entries];
        }

        var n = request["n"] is JsonValue nv && nv.TryGetValue<int>(out var count) ? count : (int?)null;
        var selected = (request["hist_access_type"]?.GetValue<string>() ?? "tail") switch
        {
            "range" => Range(all, request),
            "search" => Search(
                all,
                request["pattern"]?.GetValue<string>() ?? "*",
                n,
                request["unique"] is JsonValue u && u.TryGetValue<bool>(out var unique) && unique),
            _ => n is { } last ? all.TakeLast(Math.Max(0, last)) : all,
        };
        var withOutput = request["output"] is JsonValue o && o.TryGetValue<bool>(out var output) && output;
        var items = new JsonArray();
        foreach (var entry in selected)
        {
            JsonNode? third = withOutput ? new JsonArray(entry.Input, entry.Output) : entry.Input;
            items.Add(new JsonArray(SessionNumber, entry.Line, third));
        }

        return new JsonObject { ["status"] = "ok", ["history"] = items };
    }

    private static IEnumerable<(int Line, string Input, string? Output)> Range(
        (int Line, string Input, string? Output)[] all,
        JsonObject request)
    {
        var session = request["session"] is JsonValue s && s.TryGetValue<int>(out var number) ? number : 0;
        if (session > 0 && session != SessionNumber)
        {
            return [];
        }

        var start = request["start"] is JsonValue a && a.TryGetValue<int>(out var first) ? first : 0;
        var stop = request["stop"] is JsonValue b && b.TryGetValue<int>(out var end) ? end : int.MaxValue;
        return all.Where(e => e.Line >= start && e.Line < stop);
    }

    // ipykernel's search: fnmatch over the whole input, newest n, unique keeps the latest of each input.
    private static IEnumerable<(int Line, string Input, string? Output)> Search(
        (int Line, string Input, string? Output)[] all,
        string pattern,
        int? n,
        bool unique)
    {
        var glob = new Regex("^" + GlobToRegex(pattern) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        var matches = all.Where(e => glob.IsMatch(e.Input)).ToList();
        if (unique)
        {
            matches = matches.Where((e, i) => !matches.Skip(i + 1).Any(later => later.Input == e.Input)).ToList();
        }

        return n is { } last ? matches.TakeLast(Math.Max(0, last)) : matches;
    }

    private static string GlobToRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var close = c == '[' ? pattern.IndexOf(']', i + 1) : -1;
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                '[' when close > i + 1 => "[" +
                    (pattern[i + 1] == '!'
                        ? "^" + Regex.Escape(pattern[(i + 2)..close])
                        : Regex.Escape(pattern[(i + 1)..close])) +
                    "]",
                _ => Regex.Escape(c.ToString()),
            });
            if (c == '[' && close > i + 1)
            {
                i = close;
            }
        }

        return regex.ToString();
    }
}
