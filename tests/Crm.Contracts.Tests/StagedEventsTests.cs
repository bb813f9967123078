using System.Net;
using Crm.Contracts.Data;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Tests;

/// <summary>Every change of a contract stages what it publishes: a draft nothing, a signature ContractSigned.</summary>
public sealed class StagedEventsTests : ContractsHostTests
{
    public static TheoryData<string, string[]> Changes => new()
    {
        { "draft", [] },
        { "sign", [nameof(ContractSigned)] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_change_stages_the_integration_events_it_publishes(string change, string[] events)
    {
        var customer = await KnownCustomer();
        Func<Task> act = () => CreateDraft(TestUser.RepEast, customer.CustomerId);
        if (change == "sign")
        {
            var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
            act = () => Sign(TestUser.RepEast, draft.Id).Expect(HttpStatusCode.OK);
        }

        var before = await Host.Scoped<ContractsDbContext, List<Guid>>(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());

        await act();

        var staged = await Host.Scoped<ContractsDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => !before.Contains(m.Id)).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(events.Select(e => $"{typeof(ContractSigned).Namespace}.{e}").Order(), staged.Order());
    }
}
