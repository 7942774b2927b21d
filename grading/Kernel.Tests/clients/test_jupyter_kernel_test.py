"""Debian's jupyter_kernel_test suite against the installed `.net-csharp` kernel, with C# samples for every attribute
it offers (the pager aside: this kernel has no pager payloads). Run: /usr/bin/python3 -m unittest -v <this file>."""
import unittest

import jupyter_kernel_test


class CSharpKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = ".net-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'

    # A variable defined by an earlier cell completes too; cursor at the end of the code.
    completion_samples = [
        {"text": "Console.WriteLi", "matches": {"WriteLine"}},
        {"text": "var completionProbe = 1; completionPro", "matches": {"completionProbe"}},
    ]
    complete_code_samples = ["6*7", "class Foo { }", "for (var i = 0; i < 2; i++)\n{\n    Console.WriteLine(i);\n}", ""]
    incomplete_code_samples = ["for (var i = 0; i < 2; i++) {", "Console.WriteLine(", "class C {", "/* x", "if (true)"]
    invalid_code_samples = ["int x = ;", "var y = 1 +;", "Console.WriteLine(1));", ")"]

    code_generate_error = 'throw new InvalidOperationException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"text"', "result": "text"},
        {"code": "1.5", "result": "1.5"},
    ]
    code_display_data = [
        {"code": 'display(HTML("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display("shown");', "mime": "text/plain"},
    ]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Console.WriteLine"
    code_clear_output = ""


if __name__ == "__main__":
    unittest.main()
