namespace FairCollective.Common;

/// <summary>
/// A mistake in what the user gave us (a file, a spec, an option). The CLI prints <see cref="Exception.Message"/>
/// as one line and exits non-zero, never a stack trace. Messages name the file, line, column or option at fault.
/// </summary>
public sealed class UserInputException : Exception
{
    /// <summary>A user error with a one-line message naming the file, line, column or option at fault.</summary>
    public UserInputException(string message) : base(message) { }
    /// <summary>A user error with a one-line message, keeping the exception that revealed it (e.g. an I/O or parse
    /// error).</summary>
    public UserInputException(string message, Exception inner) : base(message, inner) { }
}
