namespace NotebookKernel.Wire;

/// <summary>The kernel cannot start (bad connection file, port in use, unsupported transport):
/// one line for stderr.</summary>
/// <param name="message">What is wrong and how to fix it.</param>
internal sealed class KernelStartException(string message) : Exception(message);
