using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Crm.Portal.SignIn;

/// <summary>
/// The services of the Blazor circuit a piece of work runs for. The HTTP client factory builds its handlers in a scope
/// of its own, where the circuit's signed-in user is not known; this is how <see cref="AccessTokenHandler"/> finds it
/// (the pattern of ASP.NET Core's "access server-side Blazor services from a different DI scope").
/// </summary>
public sealed class CircuitServices
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    internal sealed class Handler(IServiceProvider services, CircuitServices accessor) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                accessor.Services = services;
                await next(context);
                accessor.Services = null;
            };
    }
}
