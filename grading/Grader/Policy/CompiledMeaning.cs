using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using NotebookEngine.Analysis;

namespace Grading.Policy;

/// <summary>
/// What a compiled cell runs, as text: every type, field and method it declares, and each method body's IL with every
/// token written out as what it refers to (<see cref="MetadataNames"/>: earlier cells by their scope, never by their
/// assembly or number). Two compilations of a locked cell with equal texts execute the same instructions against the
/// same members, so the cell means what it meant in the instructor's run, and the review can skip binding its syntax a
/// second time. Unequal texts prove nothing (a student's constant of another value changes the IL, yet it is the
/// student's to choose): the review then compares bindings (<see cref="BindingWalker"/>).
/// </summary>
internal static class CompiledMeaning
{
    /// <summary>The text of <paramref name="cell"/>; null when it has no assembly (it does not compile, or it is only
    /// usings) or the assembly holds something this reader does not know.</summary>
    /// <param name="cell">The cell as emitted.</param>
    /// <param name="scopeOfAssembly">The scope label of an earlier cell's assembly name, or null for a library.</param>
    public static string? Of(PrecompiledCell? cell, Func<string, string?> scopeOfAssembly)
    {
        if (cell is not { Image.Length: > 0 })
        {
            return null;
        }

        try
        {
            using var image = new PEReader(ImmutableArray.Create(cell.Image));
            var reader = image.GetMetadataReader();
            var names = new MetadataNames(reader, scopeOfAssembly);
            var text = new StringBuilder();
            Attributes(text, reader, names, reader.GetAssemblyDefinition().GetCustomAttributes());
            Attributes(text, reader, names, reader.GetModuleDefinition().GetCustomAttributes());
            foreach (var handle in reader.TypeDefinitions)
            {
                Type(text, image, reader, names, handle, cell.EntryType);
            }

            return text.ToString();
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            // Emitted by Roslyn moments ago, so a reader error is not expected; if one comes, the binding comparison
            // decides, as for any cell whose code differs.
            return null;
        }
    }

    private static void Type(
        StringBuilder text,
        PEReader image,
        MetadataReader reader,
        MetadataNames names,
        TypeDefinitionHandle handle,
        string scriptClass)
    {
        var type = reader.GetTypeDefinition(handle);
        var isScriptClass = type.GetDeclaringType().IsNil && reader.GetString(type.Name) == scriptClass;
        text.Append(CultureInfo.InvariantCulture, $"\ntype {names.Of(handle)} {(int)type.Attributes:x}");
        if (!type.BaseType.IsNil)
        {
            text.Append(" : ").Append(names.Of(type.BaseType));
        }

        foreach (var implementation in type.GetInterfaceImplementations())
        {
            text.Append(", ").Append(names.Of(reader.GetInterfaceImplementation(implementation).Interface));
        }

        GenericParameters(text, reader, names, type.GetGenericParameters());
        Attributes(text, reader, names, type.GetCustomAttributes());
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            text.Append(CultureInfo.InvariantCulture, $"\n field {names.Of(fieldHandle)} {(int)field.Attributes:x}");
            var constant = field.GetDefaultValue();
            if (!constant.IsNil)
            {
                text.Append(" = ").Append(Convert.ToHexString(reader.GetBlobBytes(reader.GetConstant(constant).Value)));
            }

            Attributes(text, reader, names, field.GetCustomAttributes());
        }

        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            var name = reader.GetString(method.Name);
            text.Append(CultureInfo.InvariantCulture,
                $"\n method {names.Of(methodHandle)} {(int)method.Attributes:x} {(int)method.ImplAttributes:x}");
            GenericParameters(text, reader, names, method.GetGenericParameters());
            Attributes(text, reader, names, method.GetCustomAttributes());
            // The script class's constructor and factory only wire the chain's earlier submissions in by their
            // numbers, which a student's added cells shift; what the cell uses of them is in its other bodies.
            var plumbing = isScriptClass && name is ".ctor" or "<Factory>";
            if (method.RelativeVirtualAddress != 0 && !plumbing)
            {
                Body(text, reader, names, image.GetMethodBody(method.RelativeVirtualAddress));
            }
        }

        foreach (var implementation in type.GetMethodImplementations())
        {
            var pair = reader.GetMethodImplementation(implementation);
            text.Append("\n implements ").Append(names.Of(pair.MethodDeclaration))
                .Append(" by ").Append(names.Of(pair.MethodBody));
        }

        foreach (var propertyHandle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(propertyHandle);
            text.Append("\n property ").Append(reader.GetString(property.Name))
                .Append(MetadataNames.Signature(property.DecodeSignature(names, null)));
        }
    }

    private static void Body(StringBuilder text, MetadataReader reader, MetadataNames names, MethodBodyBlock body)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n  stack {body.MaxStack} init {body.LocalVariablesInitialized}");
        if (!body.LocalSignature.IsNil)
        {
            text.Append(" locals ").Append(names.Locals(body.LocalSignature));
        }

        foreach (var region in body.ExceptionRegions)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n  {region.Kind} {region.TryOffset}+{region.TryLength} {region.HandlerOffset}+" +
                $"{region.HandlerLength} {region.FilterOffset}");
            if (!region.CatchType.IsNil)
            {
                text.Append(' ').Append(names.Of(region.CatchType));
            }
        }

        text.Append("\n  il");
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            text.Append(CultureInfo.InvariantCulture, $" {code:x}");
            switch (IlOperands.Of(code) ?? throw new InvalidOperationException($"Unknown opcode {code:x}."))
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    text.Append(CultureInfo.InvariantCulture, $":{il.ReadByte()}");
                    break;
                case OperandType.InlineVar:
                    text.Append(CultureInfo.InvariantCulture, $":{il.ReadUInt16()}");
                    break;
                case OperandType.InlineI or OperandType.InlineBrTarget or OperandType.ShortInlineR:
                    text.Append(CultureInfo.InvariantCulture, $":{il.ReadInt32()}");
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    text.Append(CultureInfo.InvariantCulture, $":{il.ReadInt64()}");
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    for (var i = 0; i < targets; i++)
                    {
                        text.Append(CultureInfo.InvariantCulture, $":{il.ReadInt32()}");
                    }

                    break;
                case OperandType.InlineString:
                    var literal = reader.GetUserString(MetadataTokens.UserStringHandle(il.ReadInt32() & 0xFFFFFF));
                    text.Append(CultureInfo.InvariantCulture, $":{literal.Length}\"{literal}\"");
                    break;
                default:
                    // A field, method, type, token or call-site signature.
                    text.Append(":{").Append(names.Of(MetadataTokens.EntityHandle(il.ReadInt32()))).Append('}');
                    break;
            }
        }
    }

    private static void GenericParameters(
        StringBuilder text,
        MetadataReader reader,
        MetadataNames names,
        GenericParameterHandleCollection parameters)
    {
        foreach (var handle in parameters)
        {
            var parameter = reader.GetGenericParameter(handle);
            text.Append(CultureInfo.InvariantCulture, $" <{parameter.Index} {(int)parameter.Attributes:x}");
            foreach (var constraint in parameter.GetConstraints())
            {
                text.Append(' ').Append(names.Of(reader.GetGenericParameterConstraint(constraint).Type));
            }

            text.Append('>');
        }
    }

    private static void Attributes(
        StringBuilder text,
        MetadataReader reader,
        MetadataNames names,
        CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            text.Append(" [").Append(names.Of(attribute.Constructor)).Append('(')
                .Append(Convert.ToHexString(reader.GetBlobBytes(attribute.Value))).Append(")]");
        }
    }
}
