using System.Runtime.CompilerServices;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// Waiting limits for a slow, shared CI machine, set once for the whole test assembly. bUnit's "wait for" helpers and
/// Playwright's <c>Expect</c> assertions default to 1 s and 5 s: enough on an idle laptop, but a 2-core runner busy with
/// a parallel test run can take longer to render, and a wait that runs out is a red build for a product that works.
/// A longer limit only slows a test that fails anyway; passing waits return as soon as their condition holds.
/// Tests that prove something does <i>not</i> happen pass their own short timeouts.
/// </summary>
internal static class TestDefaults
{
    [ModuleInitializer]
    internal static void Set()
    {
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
    }
}
