namespace NotebookEngine;

/// <summary>Whether a console user's input can run as it is (Jupyter's is_complete statuses).</summary>
public enum SubmissionCompleteness
{
    /// <summary>The input is a whole submission: run it.</summary>
    Complete,

    /// <summary>The input stops in the middle of something (an open brace, a call, a string):
    /// ask for more lines.</summary>
    Incomplete,

    /// <summary>The input is whole but cannot compile whatever follows (<c>int x = ;</c>):
    /// run it to show the error.</summary>
    Invalid,
}
