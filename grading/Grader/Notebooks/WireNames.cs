using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Grading.Notebooks;

/// <summary>
/// The name an enum value is written with in JSON (its <see cref="JsonStringEnumMemberNameAttribute"/>), so CSV, HTML
/// and metadata writers use the exact spelling the gradebook uses instead of a second table of names.
/// </summary>
internal static class WireNames
{
    /// <summary>The JSON name of <paramref name="value"/>; the member name when it has no attribute.</summary>
    public static string WireName<T>(this T value) where T : struct, Enum => Cache<T>.Names[value];

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().ToFrozenDictionary(
            v => v,
            v => typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? v.ToString());
    }
}
