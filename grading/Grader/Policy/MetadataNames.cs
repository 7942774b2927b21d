using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace Grading.Policy;

/// <summary>
/// Names what a compiled cell's metadata refers to, the same way in any chain: a library member by its assembly's full
/// name, namespace, type, name and signature; a member an earlier cell declared by that cell's scope ("kernel",
/// "student", "cell:&lt;grade id&gt;") instead of its assembly, whose name and submission number change with every
/// chain and every added cell.
/// </summary>
internal sealed partial class MetadataNames(MetadataReader reader, Func<string, string?> scopeOfAssembly)
    : ISignatureTypeProvider<string, object?>
{
    private readonly Dictionary<AssemblyReferenceHandle, string> assemblies = [];

    /// <summary>What <paramref name="handle"/> (a type, member, method instance or signature token) refers
    /// to.</summary>
    public string Of(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Type((TypeDefinitionHandle)handle),
        HandleKind.TypeReference => Type((TypeReferenceHandle)handle),
        HandleKind.TypeSpecification =>
            reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
        HandleKind.MethodDefinition => Method((MethodDefinitionHandle)handle),
        HandleKind.FieldDefinition => Field((FieldDefinitionHandle)handle),
        HandleKind.MemberReference => Member((MemberReferenceHandle)handle),
        HandleKind.MethodSpecification => MethodInstance((MethodSpecificationHandle)handle),
        HandleKind.StandaloneSignature => Standalone((StandaloneSignatureHandle)handle),
        HandleKind.ModuleReference =>
            "module " + reader.GetString(reader.GetModuleReference((ModuleReferenceHandle)handle).Name),
        _ => handle.Kind + " " + MetadataTokensOf(handle),
    };

    /// <summary>A method signature: calling convention, generic arity, parameters and return type.</summary>
    public static string Signature(MethodSignature<string> signature) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{signature.Header.RawValue:x2}`{signature.GenericParameterCount}" +
            $"({string.Join(",", signature.ParameterTypes)}/{signature.RequiredParameterCount})" +
            $":{signature.ReturnType}");

    /// <summary>The local variables of a method body.</summary>
    public string Locals(StandaloneSignatureHandle handle) =>
        string.Join(",", reader.GetStandaloneSignature(handle).DecodeLocalSignature(this, null));

    // A type's name with its scope, nested types after their outer type.
    private string Type(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var outer = type.GetDeclaringType();
        return outer.IsNil
            ? "self:" + Named(type.Namespace, type.Name)
            : Type(outer) + "/" + Unnumbered(reader.GetString(type.Name));
    }

    private string Type(TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var scope = type.ResolutionScope;
        var name = Named(type.Namespace, type.Name);
        return scope.Kind switch
        {
            HandleKind.TypeReference => Type((TypeReferenceHandle)scope) + "/" + name,
            HandleKind.AssemblyReference => Assembly((AssemblyReferenceHandle)scope) + ":" + name,
            HandleKind.ModuleDefinition => "self:" + name,
            HandleKind.ModuleReference => Of(scope) + ":" + name,
            _ => "exported:" + name,
        };
    }

    private string Assembly(AssemblyReferenceHandle handle)
    {
        if (!assemblies.TryGetValue(handle, out var label))
        {
            var assembly = reader.GetAssemblyReference(handle);
            label = scopeOfAssembly(reader.GetString(assembly.Name)) is { } scope
                ? "[" + scope + "]"
                : "[" + assembly.GetAssemblyName().FullName + "]";
            assemblies[handle] = label;
        }

        return label;
    }

    private string Method(MethodDefinitionHandle handle)
    {
        var method = reader.GetMethodDefinition(handle);
        return Type(method.GetDeclaringType()) + "::" + Unnumbered(reader.GetString(method.Name))
            + Signature(method.DecodeSignature(this, null));
    }

    private string Field(FieldDefinitionHandle handle)
    {
        var field = reader.GetFieldDefinition(handle);
        return Type(field.GetDeclaringType()) + "::" + Unnumbered(reader.GetString(field.Name)) + ":"
            + field.DecodeSignature(this, null);
    }

    private string Member(MemberReferenceHandle handle)
    {
        var member = reader.GetMemberReference(handle);
        var owner = Of(member.Parent) + "::" + Unnumbered(reader.GetString(member.Name));
        return member.GetKind() == MemberReferenceKind.Method
            ? owner + Signature(member.DecodeMethodSignature(this, null))
            : owner + ":" + member.DecodeFieldSignature(this, null);
    }

    private string MethodInstance(MethodSpecificationHandle handle)
    {
        var instance = reader.GetMethodSpecification(handle);
        return Of(instance.Method) + "<" + string.Join(",", instance.DecodeSignature(this, null)) + ">";
    }

    private string Standalone(StandaloneSignatureHandle handle)
    {
        var signature = reader.GetStandaloneSignature(handle);
        return signature.GetKind() == StandaloneSignatureKind.Method
            ? "calli " + Signature(signature.DecodeMethodSignature(this, null))
            : "locals " + Locals(handle);
    }

    private string Named(StringHandle space, StringHandle name)
    {
        var text = Unnumbered(reader.GetString(name));
        var prefix = space.IsNil ? "" : reader.GetString(space);
        return prefix.Length == 0 ? text : prefix + "." + text;
    }

    private static string MetadataTokensOf(EntityHandle handle) =>
        System.Reflection.Metadata.Ecma335.MetadataTokens.GetToken(handle).ToString("x8", CultureInfo.InvariantCulture);

    // Each cell's script class is Submission#N, and its class of constant data <PrivateImplementationDetails>N; a cell
    // keeps the earlier cells it uses in fields named after theirs. N counts the cells before it, which a student may
    // add. (No name a student writes has a '#' or a '<'.)
    private static string Unnumbered(string name) => SubmissionNumber().Replace(name, "$1");

    [GeneratedRegex(@"(Submission#|<PrivateImplementationDetails>)\d+")]
    private static partial Regex SubmissionNumber();

    // The signature decoder's callbacks: each type written out in full.
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
        Type(handle);

    public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) =>
        Type(handle);

    public string GetTypeFromSpecification(
        MetadataReader metadata,
        object? genericContext,
        TypeSpecificationHandle handle,
        byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) =>
        elementType + "[" + shape.Rank + ";" + string.Join(",", shape.Sizes) + ";"
        + string.Join(",", shape.LowerBounds) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericTypeParameter(object? genericContext, int index) =>
        "!" + index.ToString(CultureInfo.InvariantCulture);

    public string GetGenericMethodParameter(object? genericContext, int index) =>
        "!!" + index.ToString(CultureInfo.InvariantCulture);

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Signature(signature);

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";
}
