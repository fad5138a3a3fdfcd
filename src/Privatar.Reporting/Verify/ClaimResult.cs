namespace Privatar.Reporting;

/// <summary>The outcome of one claim: whether it held, the value measured (as text) and why it failed, if it did.</summary>
public sealed record ClaimResult(Claim Claim, bool Passed, string Actual, string Message);
