namespace Privatar.Reporting;

/// <summary>
/// The outcome of one claim: whether it held, the value measured (as text) and why it failed, if it did.
/// <see cref="NotChecked"/> marks a claim on a table no step of this build produces (e.g. a step not in the plan):
/// it is listed with the reason and counted neither as passed nor as failed.
/// </summary>
public sealed record ClaimResult(Claim Claim, bool Passed, string Actual, string Message)
{
    public bool NotChecked { get; init; }

    public bool Failed => !Passed && !NotChecked;

    /// <summary><c>pass</c>, <c>FAIL</c> or <c>not checked</c>: the first column of verify.csv.</summary>
    public string Status => NotChecked ? "not checked" : Passed ? "pass" : "FAIL";
}
