namespace FairCollective.Tests.Reporting.Browser;

/// <summary>
/// A test that needs a real browser. It runs by default and fails when Chromium is missing (test.sh installs it);
/// setting FAIRCOLLECTIVE_SKIP_BROWSER=1 skips it, with a message saying so.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string SkipVariable = "FAIRCOLLECTIVE_SKIP_BROWSER";

    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
            Skip = $"{SkipVariable}=1: the headless-Chromium check of the HTML report was skipped";
    }
}
