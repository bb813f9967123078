using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

[assembly: Crm.Browser.Tests.ClosesBrowserContexts]

namespace Crm.Browser.Tests;

/// <summary>
/// Closes the browser contexts a test opened (<see cref="PortalFixture.NewPageAsync"/>) once it ends. A collection's
/// Chromium lives as long as its platform; a page left open keeps its renderer and its Blazor circuit until then, and a
/// run opens well over a hundred of them.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ClosesBrowserContextsAttribute : BeforeAfterTestAttribute
{
    // Set before the test in the flow that runs it: the test's awaits carry it into NewPageAsync, wherever it is called.
    private static readonly AsyncLocal<List<IBrowserContext>?> Opened = new();

    internal static void Track(IBrowserContext context)
    {
        if (Opened.Value is { } opened)
        {
            lock (opened)
            {
                opened.Add(context);
            }
        }
    }

    public override void Before(MethodInfo methodUnderTest) => Opened.Value = [];

    public override void After(MethodInfo methodUnderTest)
    {
        if (Opened.Value is not { } opened)
        {
            return;
        }

        Opened.Value = null;
        // xunit's hook is synchronous; closing is quick, and a context the test closed itself closes again as a no-op.
        Task.WhenAll(opened.Select(context => context.CloseAsync())).GetAwaiter().GetResult();
    }
}
