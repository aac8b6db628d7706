namespace FairCollective.Testing;

/// <summary>A component broke one of FairCollective's contracts; the message names the component, the check and what
/// was seen.</summary>
public sealed class ContractException(string message) : Exception(message);
