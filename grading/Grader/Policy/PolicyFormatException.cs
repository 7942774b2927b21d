namespace Grading.Policy;

/// <summary>The notebook's <c>metadata.student_code_policy</c> is not a policy: the message says where and how to fix
/// it.</summary>
internal sealed class PolicyFormatException(string message) : Exception(message);
