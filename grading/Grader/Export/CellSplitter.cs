using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grading.Export;

/// <summary>
/// Splits a notebook cell (a Roslyn script submission) into the pieces of a C# program with top-level statements:
/// usings hoisted, type declarations moved after the statements, script methods and fields turned into local functions
/// and locals, and a trailing expression (no semicolon) turned into an explicit display of its value.
/// </summary>
internal static class CellSplitter
{
    /// <summary>How the name of the display call is spelled in the exported file.</summary>
    public const string ShowCall = "NotebookOutput.Show";

    private static readonly CSharpParseOptions ScriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Preview);

    // A local function or local takes no access or inheritance modifiers; a script member may have them and mean
    // nothing by them.
    private static readonly SyntaxKind[] DroppedModifiers =
    [
        SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.InternalKeyword, SyntaxKind.ProtectedKeyword,
        SyntaxKind.NewKeyword, SyntaxKind.VirtualKeyword, SyntaxKind.OverrideKeyword, SyntaxKind.SealedKeyword,
    ];

    /// <summary>
    /// Names of methods a cell declares returning <c>void</c>: a trailing call to one is a statement, not a value.
    /// </summary>
    public static IEnumerable<string> VoidMethods(string code) =>
        Parse(code).Members.OfType<MethodDeclarationSyntax>()
            .Where(m => m.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
            .Select(m => m.Identifier.Text);

    /// <summary>
    /// Splits <paramref name="code"/>; <paramref name="isVoidMethod"/> names the notebook's void methods.
    /// </summary>
    /// <exception cref="ExportException">Via <paramref name="fail"/>: a member a program's top level cannot hold
    /// (property, namespace, attribute, extern alias).</exception>
    public static CodePieces Split(string code, Func<string, bool> isVoidMethod, Func<string, ExportException> fail)
    {
        var root = Parse(code);
        if (root.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            // Exported as written: the compiler then reports the same error at the same place in the app.
            var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
            return new CodePieces([], code, [], [], [], $"line {line}: {error.GetMessage()}");
        }

        if (root.Externs.Count > 0 || root.AttributeLists.Count > 0)
        {
            throw fail($"line {Line(root.Externs.Count > 0 ? root.Externs[0] : root.AttributeLists[0])}: extern " +
                       "aliases and assembly attributes cannot be exported; remove them from the cell.");
        }

        var statements = new System.Text.StringBuilder();
        var types = new List<string>();
        var (functions, variables) = (new List<string>(), new List<string>());
        foreach (var directive in root.Usings)
        {
            // The comments above a using stay where they were; the using itself goes to the top of the file.
            statements.Append(directive.GetLeadingTrivia().ToFullString());
        }

        var last = root.Members.LastOrDefault();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Add(member.ToFullString().Trim('\n'));
                    break;
                case GlobalStatementSyntax
                {
                    Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing,
                } when member == last:
                    statements.Append(Display(trailing, isVoidMethod));
                    break;
                case GlobalStatementSyntax global:
                    variables.AddRange(DeclaredVariables(global.Statement));
                    functions.AddRange(global.Statement is LocalFunctionStatementSyntax local
                        ? [local.Identifier.Text]
                        : []);
                    statements.Append(member.ToFullString());
                    break;
                case FieldDeclarationSyntax field:
                    variables.AddRange(field.Declaration.Variables.Select(v => v.Identifier.Text));
                    statements.Append(AsLocal(field));
                    break;
                case MethodDeclarationSyntax method:
                    functions.Add(method.Identifier.Text);
                    statements.Append(WithoutModifiers(method, method.Modifiers).ToFullString());
                    break;
                default:
                    throw fail($"line {Line(member)}: a top-level {Describe(member)} has no equivalent among a " +
                               "program's top-level statements; make it a local variable or function, " +
                               "or put it inside a class.");
            }
        }

        // Comments after the last member (or a cell of directives only) sit on the end-of-file token.
        statements.Append(root.EndOfFileToken.LeadingTrivia.ToFullString());
        var usings = root.Usings.Select(u => u.WithoutLeadingTrivia().ToFullString().TrimEnd()).ToList();
        return new CodePieces(usings, statements.ToString(), types, functions, variables, null);
    }

    private static CompilationUnitSyntax Parse(string code) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ScriptOptions).GetRoot();

    // The engine shows a trailing expression's value; a statement-like one (assignment, ++, a void call) has none to
    // show.
    private static string Display(ExpressionStatementSyntax statement, Func<string, bool> isVoidMethod)
    {
        var expression = statement.Expression;
        var leading = statement.GetLeadingTrivia().ToFullString();
        var trailing = statement.GetTrailingTrivia().ToFullString();
        var body = expression.WithoutTrivia().ToFullString();
        var isStatement =
            expression is AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax
            || (expression is InvocationExpressionSyntax call && IsVoidCall(call, isVoidMethod));
        return isStatement ? $"{leading}{body};{trailing}" : $"{leading}{ShowCall}({body});{trailing}";
    }

    private static bool IsVoidCall(InvocationExpressionSyntax call, Func<string, bool> isVoidMethod) =>
        call.Expression switch
        {
            IdentifierNameSyntax name => isVoidMethod(name.Identifier.Text),
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Console" } } => true,
            MemberAccessExpressionSyntax { Name.Identifier.Text: "Display" or "DisplayAs" or "Update" } => true,
            _ => false,
        };

    private static IEnumerable<string> DeclaredVariables(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax local
        ? local.Declaration.Variables.Select(v => v.Identifier.Text)
        : [];

    // `static readonly int N = 5;` at a script's top level is a field; in a program's top level it must be a local.
    private static string AsLocal(FieldDeclarationSyntax field)
    {
        var kept = field.Modifiers.Where(m => m.IsKind(SyntaxKind.ConstKeyword)).ToArray();
        return WithoutModifiers(field, field.Modifiers, kept).ToFullString();
    }

    private static MemberDeclarationSyntax WithoutModifiers(
        MemberDeclarationSyntax member,
        SyntaxTokenList modifiers,
        SyntaxToken[]? keep = null)
    {
        var kept = keep ?? modifiers.Where(m => !DroppedModifiers.Any(kind => m.IsKind(kind))).ToArray();
        if (kept.Length == modifiers.Count)
        {
            return member;
        }

        var leading = member.GetLeadingTrivia();
        var stripped = member.WithModifiers(SyntaxFactory.TokenList(kept.Select(k => k.WithLeadingTrivia())));
        return stripped.WithLeadingTrivia(leading);
    }

    private static string Describe(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax => "property",
        IndexerDeclarationSyntax => "indexer",
        EventFieldDeclarationSyntax or EventDeclarationSyntax => "event",
        BaseNamespaceDeclarationSyntax => "namespace",
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => "operator",
        _ => member.Kind().ToString(),
    };

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
