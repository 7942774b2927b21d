namespace Grading.Policy;

/// <summary>
/// The default policy of this course: what the notebooks teach with (numbers, spans, collections, LINQ, text,
/// TensorLab, TensorPrimitives, Plotly charts, printing, seeded randomness, timing) and nothing that reaches the
/// process, the machine or the grader. An assignment adds entries in its metadata
/// (<see cref="ApiPolicy.MetadataKey"/>).
/// </summary>
internal static class CoursePolicy
{
    // Types directly in System are listed one by one: the namespace also holds Environment, AppDomain, GC, Type,
    // Activator, Delegate and other doors out of the sandbox of plain computation.
    private static readonly string[] SystemTypes =
    [
        "Object", "Void", "String", "Char", "Boolean",
        "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
        "Int128", "UInt128", "IntPtr", "UIntPtr", "Single", "Double", "Decimal", "Half", "Math", "MathF", "Random",
        "Array", "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory", "MemoryExtensions",
        "ArraySegment", "Index", "Range",
        "Tuple", "ValueTuple", "TupleExtensions", "Nullable", "Func", "Action", "Predicate", "Comparison", "Converter",
        "Enum", "Convert", "BitConverter", "HashCode", "Lazy", "Guid", "Version",
        "DateTime", "DateTimeOffset", "DateTimeKind",
        "DayOfWeek", "DateOnly", "TimeOnly", "TimeSpan", "StringComparison", "StringComparer", "StringSplitOptions",
        "MidpointRounding", "FormattableString", "CharEnumerator", "IComparable", "IEquatable", "IDisposable",
        "IAsyncDisposable", "IFormattable", "IFormatProvider", "ISpanFormattable", "IParsable", "ISpanParsable",
        "ICloneable", "IProgress", "Progress", "FlagsAttribute", "ObsoleteAttribute", "DisplayExtensions",
        "Exception", "SystemException", "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException",
        "InvalidOperationException", "NotImplementedException", "NotSupportedException", "IndexOutOfRangeException",
        "FormatException", "OverflowException",
        "ArithmeticException", "DivideByZeroException", "NullReferenceException",
        "InvalidCastException", "ObjectDisposedException", "OperationCanceledException", "TimeoutException",
        "AggregateException", "RankException", "ArrayTypeMismatchException",
    ];

    /// <summary>Every entry of the default, allow and deny.</summary>
    public static IReadOnlyList<ApiRule> Rules { get; } =
    [
        .. SystemTypes.Select(type => new ApiRule("System." + type, Allow: true)),

        // Printing: the console's writers, never its raw streams, its input (the grader's channel) or redirection.
        new("System.Console.Write", true), new("System.Console.WriteLine", true),
        new("System.Console.Out", true), new("System.Console.Error", true),
        new("System.IO.TextWriter", true), new("System.IO.StringWriter", true), new("System.IO.StringReader", true),
        new("System.IO.TextReader", true),

        // Whole namespaces of plain computation.
        new("System.Collections", true), new("System.Linq", true), new("System.Text", true),
        new("System.Globalization", true), new("System.Numerics", true), new("System.Buffers", true),
        new("System.Threading.Tasks", true),
        new("System.Diagnostics.Stopwatch", true),
        new("System.Numerics.Tensors.TensorPrimitives", true),

        // The course's own library, charts and display helpers.
        new("TensorLab", true), new("Plotly.NET", true),
        new("Microsoft.FSharp.Core.FSharpFunc", true), new("Microsoft.FSharp.Core.FSharpOption", true),
        new("Microsoft.DotNet.Interactive.Kernel", true), new("Microsoft.DotNet.Interactive.DisplayedValue", true),
        new("Microsoft.AspNetCore.Html.IHtmlContent", true),

        // Read-only facts the notebooks' "environment" and memory cells print.
        new("System.Environment.Version", true), new("System.Environment.NewLine", true),
        new("System.Environment.ProcessorCount", true),
        new("System.Runtime.InteropServices.RuntimeInformation", true),
        new("System.Type.Assembly", true), new("System.Reflection.Assembly.GetName", true),
        new("System.Reflection.AssemblyName.Version", true),
        new("System.GC.GetAllocatedBytesForCurrentThread", true), new("System.GC.GetTotalAllocatedBytes", true),

        // Corners carved out of the namespaces opened above.
        new("System.Linq.Expressions", false, "expression trees, which call members by name"),
        new("System.Text.Json", false, "serialization, which reads objects by reflection"),
        new("System.Numerics.Tensors", false, "tensor types that wrap raw memory (TensorPrimitives is allowed)"),
        new("System.Threading.Tasks.TaskScheduler", false, "schedulers, which let code outlive its cell"),
        new("Plotly.NET.Chart.Show", false, "opening a browser"),
        new("Plotly.NET.Chart.SaveHtml", false, "writing files"),
        new("Plotly.NET.CSharp.GenericChartExtensions.Show", false, "opening a browser"),
        new("Plotly.NET.CSharp.GenericChartExtensions.SaveHtml", false, "writing files"),

        // Not allowed by anything above; listed only so a refusal says what it protects.
        new("System.IO", false, "the file system"),
        new("System.Reflection", false, "reflection"),
        new("System.Type", false, "reflection"),
        new("System.Activator", false, "reflection"),
        new("System.Delegate", false, "reflection on delegates"),
        new("System.MulticastDelegate", false, "reflection on delegates"),
        new("System.Diagnostics", false, "processes, stack traces and debuggers"),
        new("System.Runtime", false, "interop, raw memory and runtime internals"),
        new("System.Environment", false, "the process and its environment"),
        new("System.AppDomain", false, "the process and its assemblies"),
        new("System.AppContext", false, "the process's settings"),
        new("System.GC", false, "the garbage collector"),
        new(
            "System.Console",
            false,
            "the console's raw streams, input and redirection (Console.Write and WriteLine are allowed)"),
        new("System.Threading", false, "threads that outlive their cell"),
        new("System.Net", false, "the network"),
        new("System.Security", false, "security internals"),
        new("Microsoft.Win32", false, "the operating system"),
    ];
}
