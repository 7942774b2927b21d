using System.Text.Json;
using System.Text.Json.Serialization;
using Grading.Notebooks;

namespace Grading.Gradebook;

/// <summary>Reads and writes gradebook files (snake_case JSON, atomically).</summary>
internal static class GradebookJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");

    public static T? Read<T>(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) : default;
        }
        catch (JsonException)
        {
            // A result file we cannot read is regraded rather than trusted.
            return default;
        }
    }
}
