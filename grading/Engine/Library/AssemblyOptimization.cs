using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NotebookEngine;

/// <summary>
/// Reads, without loading it, whether an assembly lets the JIT optimise its code: notebooks time TensorLab, so a
/// library compiled unoptimised (a Debug build) would make every measurement in them untrustworthy.
/// </summary>
public static class AssemblyOptimization
{
    /// <summary>
    /// True unless the assembly's <see cref="DebuggableAttribute"/> asks for
    /// <see cref="DebuggableAttribute.DebuggingModes.DisableOptimizations"/> (what <c>Optimize=false</c> emits).
    /// </summary>
    /// <param name="assemblyPath">Path of a .NET assembly.</param>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static bool IsJitOptimized(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                    is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name)
                    == nameof(DebuggableAttribute))
            {
                return !DisablesOptimizations(metadata.GetBlobReader(attribute.Value));
            }
        }

        return true;
    }

    // The blob is the prolog 0x0001, then either DebuggingModes (an int32) or two bools
    // (isJITTrackingEnabled, isJITOptimizerDisabled), then a 2-byte count of named arguments.
    private static bool DisablesOptimizations(BlobReader blob)
    {
        blob.ReadUInt16();
        return blob.Length - 4 == sizeof(int)
            ? ((DebuggableAttribute.DebuggingModes)blob.ReadInt32())
                .HasFlag(DebuggableAttribute.DebuggingModes.DisableOptimizations)
            : blob.ReadBoolean() & blob.ReadBoolean();
    }
}
