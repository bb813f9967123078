using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class ChangeGradeTests : CustomersHostTests
{
    private Task<HttpResponseMessage> ChangeGrade(TestUser user, Guid id, object body, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/customers/{id}/grade") { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(version));
        }

        return Host.Client(user).SendAsync(request);
    }

    [Fact]
    public async Task a_grade_change_with_a_reason_is_kept_in_the_history_with_who_and_why()
    {
        var customer = await Register(TestUser.RepEast);

        var changed = await ChangeGrade(TestUser.RepEast, customer.Id, new { grade = "C", reason = "Stable contact, clear intention" }).Read<CustomerResponse>();

        Assert.Equal(CustomerGrade.C, changed.Grade);
        Assert.Equal(customer.Version + 1, changed.Version);
        var history = await History(TestUser.ManagerEast, customer.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal((null, CustomerGrade.E, "rep.east"), (history[0].From, history[0].To, history[0].ChangedBy));
        Assert.Equal(CustomerGrade.E, history[1].From);
        Assert.Equal(CustomerGrade.C, history[1].To);
        Assert.Equal("Stable contact, clear intention", history[1].Reason);
        Assert.Equal("rep.east", history[1].ChangedBy);
        Assert.Null(history[1].SourceId);
    }

    [Fact]
    public async Task a_grade_change_publishes_customer_grade_changed_with_the_previous_grade_and_the_new_version()
    {
        var customer = await Register(TestUser.RepEast);

        await ChangeGrade(TestUser.ManagerEast, customer.Id, new { grade = "B", reason = "Decision maker intends to buy" }).Read<CustomerResponse>();

        var published = await Host.Published<CustomerGradeChanged>(e => e.CustomerId == customer.Id);
        Assert.Equal(CustomerGrade.E, published.PreviousGrade);
        Assert.Equal(CustomerGrade.B, published.Grade);
        Assert.Equal("Decision maker intends to buy", published.Reason);
        Assert.Equal("manager.east", published.ChangedBy);
        Assert.Equal(customer.Version + 1, published.Version);
        Assert.Equal(customer.Name, published.Name);
    }

    [Fact]
    public async Task changing_to_the_grade_the_customer_already_has_changes_nothing_and_publishes_nothing()
    {
        var customer = await Register(TestUser.RepEast);

        var same = await ChangeGrade(TestUser.RepEast, customer.Id, new { grade = "E", reason = "Still initial information" }).Read<CustomerResponse>();

        Assert.Equal(customer.Version, same.Version);
        Assert.Single(await History(TestUser.RepEast, customer.Id));
        Assert.Equal(0, await OutboxRows<CustomerGradeChanged>());
    }

    [Fact]
    public async Task a_change_based_on_an_old_version_is_a_conflict_and_changes_nothing()
    {
        var customer = await Register(TestUser.RepEast);
        await ChangeGrade(TestUser.RepEast, customer.Id, new { grade = "D", reason = "First contact" }, ifMatch: customer.Version).Read<CustomerResponse>();

        var stale = await ChangeGrade(TestUser.ManagerEast, customer.Id, new { grade = "A", reason = "Based on what I saw earlier" }, ifMatch: customer.Version);

        await stale.ReadProblem(HttpStatusCode.Conflict);
        var stored = await Get(TestUser.RepEast, customer.Id);
        Assert.Equal(CustomerGrade.D, stored.Grade);
        Assert.Equal(customer.Version + 1, stored.Version);
        Assert.Equal(2, (await History(TestUser.RepEast, customer.Id)).Count);
        Assert.Equal(1, await OutboxRows<CustomerGradeChanged>());
    }

    [Fact]
    public async Task reads_and_changes_return_the_version_as_etag()
    {
        var customer = await Register(TestUser.RepEast);

        var read = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}");
        var changed = await ChangeGrade(TestUser.RepEast, customer.Id, new { grade = "D", reason = "First contact" }, ifMatch: customer.Version);

        Assert.Equal(Versioning.ETag(customer.Version), read.Headers.ETag?.ToString());
        Assert.Equal(Versioning.ETag(customer.Version + 1), changed.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("""{"grade":"C"}""", "reason")]
    [InlineData("""{"grade":"C","reason":"   "}""", "reason")]
    [InlineData("""{"reason":"No grade given"}""", "grade")]
    [InlineData("""{"grade":"Z","reason":"Unknown grade"}""", "grade")]
    public async Task a_change_without_a_valid_grade_or_reason_is_a_bad_request_and_changes_nothing(string json, string field)
    {
        var customer = await Register(TestUser.RepEast);

        var response = await Host.Client(TestUser.RepEast).PostAsync(
            $"/api/customers/{customer.Id}/grade", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ReadValidationProblem(field);
        Assert.Equal(customer.Version, (await Get(TestUser.RepEast, customer.Id)).Version);
    }

    [Fact]
    public async Task changing_the_grade_of_an_unknown_customer_is_not_found()
    {
        var response = await ChangeGrade(TestUser.Supervisor, Guid.NewGuid(), new { grade = "A", reason = "No such customer" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
