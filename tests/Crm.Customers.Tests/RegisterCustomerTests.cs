using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class RegisterCustomerTests : CustomersHostTests
{
    [Fact]
    public async Task registering_answers_created_with_the_location_and_a_new_customer_starts_at_grade_E()
    {
        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", RegisterBody(name: "华东建材经销有限公司"));

        var customer = await response.Read<CustomerResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/customers/{customer.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(CustomerGrade.E, customer.Grade);
        Assert.Equal("华东建材经销有限公司", customer.Name);
        Assert.Equal("rep.east", customer.OwnerId);
        Assert.Equal(1, customer.Version);
        Assert.StartsWith("CU-", customer.Code, StringComparison.Ordinal);
        var stored = await Host.Client(TestUser.RepEast).GetAsync(response.Headers.Location).Read<CustomerResponse>();
        Assert.Equal((customer.Id, customer.Code, customer.Grade, customer.Version), (stored.Id, stored.Code, stored.Grade, stored.Version));
    }

    [Fact]
    public async Task registering_publishes_customer_registered_carrying_the_card_and_its_version()
    {
        var customer = await Register(TestUser.RepEast, name: "南京李先生装修工作室");

        var published = await Host.Published<CustomerRegistered>(e => e.CustomerId == customer.Id);

        Assert.Equal(customer.Code, published.Code);
        Assert.Equal("南京李先生装修工作室", published.Name);
        Assert.Equal(CustomerKind.Dealer, published.Kind);
        Assert.Equal("EAST", published.Region);
        Assert.Equal("rep.east", published.OwnerId);
        Assert.Equal(CustomerTier.Key, published.Tier);
        Assert.Equal(CustomerGrade.E, published.Grade);
        Assert.Equal(customer.Version, published.Version);
    }

    [Fact]
    public async Task the_card_keeps_the_datum_of_its_coordinates_and_its_events_carry_the_address_and_position()
    {
        var body = new
        {
            name = "杭州西湖建材", kind = "Dealer", region = "EAST", address = "杭州市西湖区北山街 1 号", latitude = 30.2412, longitude = 120.1547, datum = "Gcj02",
        };

        var customer = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", body).Read<CustomerResponse>(HttpStatusCode.Created);

        Assert.Equal((30.2412, 120.1547, CoordinateDatum.Gcj02), (customer.Latitude, customer.Longitude, customer.Datum));
        var published = await Host.Published<CustomerRegistered>(e => e.CustomerId == customer.Id);
        Assert.Equal(("杭州市西湖区北山街 1 号", 30.2412, 120.1547, CoordinateDatum.Gcj02),
            (published.Address, published.Latitude, published.Longitude, published.Datum));
        await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", body with { datum = "Baidu" }).ReadValidationProblem("datum");
    }

    [Fact]
    public async Task missing_fields_are_each_named_in_a_bad_request_and_nothing_is_stored()
    {
        await Register(TestUser.RepEast);
        var (customersBefore, eventsBefore) = (await CustomerRows(), await OutboxRows<CustomerRegistered>());

        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", new { name = "  ", address = "somewhere" });

        await response.ReadValidationProblem("name", "kind", "region");
        Assert.Equal(customersBefore, await CustomerRows());
        Assert.Equal(eventsBefore, await OutboxRows<CustomerRegistered>());
    }

    [Theory]
    [InlineData("""{"name":"Dealer","kind":"Dealerx","region":"EAST"}""", "kind")]
    [InlineData("""{"name":"Dealer","kind":"Dealer","region":"EAST","tier":"Vip"}""", "tier")]
    [InlineData("""{"name":"Dealer","kind":"Dealer","region":"EAST","grade":"F"}""", "grade")]
    [InlineData("""{"name":"Dealer","kind":7,"region":"EAST"}""", "kind")]
    public async Task a_value_outside_a_choice_is_reported_on_its_field_and_nothing_is_stored(string json, string field)
    {
        await Register(TestUser.RepEast);
        var customersBefore = await CustomerRows();

        var response = await Host.Client(TestUser.RepEast).PostAsync("/api/customers", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ReadValidationProblem(field);
        Assert.Equal(customersBefore, await CustomerRows());
    }

    [Fact]
    public async Task a_name_longer_than_200_characters_is_refused()
    {
        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", RegisterBody(name: new string('名', 201)));

        await response.ReadValidationProblem("name");
        Assert.Equal(0, await CustomerRows());
    }

    [Fact]
    public async Task a_rep_may_not_register_a_customer_in_another_region()
    {
        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", RegisterBody(region: "NORTH"));

        await response.ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await CustomerRows());
    }

    [Fact]
    public async Task a_rep_may_not_register_a_customer_for_another_owner()
    {
        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", RegisterBody(ownerId: "rep.east2"));

        await response.ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await CustomerRows());
    }

    [Fact]
    public async Task a_branch_manager_may_register_a_customer_for_a_rep_of_the_region()
    {
        var customer = await Register(TestUser.ManagerEast, ownerId: "rep.east2");

        Assert.Equal("rep.east2", customer.OwnerId);
        Assert.Equal(customer.Id, (await Get(TestUser.RepEast2, customer.Id)).Id);
    }

    [Fact]
    public async Task repeating_a_registration_with_the_same_idempotency_key_returns_the_first_result_and_creates_one_customer()
    {
        var client = Host.Client(TestUser.RepEast);
        var body = RegisterBody();

        var first = await Send(client, body, "register-7f3a");
        var again = await Send(client, body, "register-7f3a");

        var created = await first.Read<CustomerResponse>(HttpStatusCode.Created);
        var replayed = await again.Read<CustomerResponse>(HttpStatusCode.Created);
        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await CustomerRows());
        Assert.Equal(1, await OutboxRows<CustomerRegistered>());

        var another = await Send(client, RegisterBody(), "register-9c21");
        Assert.NotEqual(created.Id, (await another.Read<CustomerResponse>(HttpStatusCode.Created)).Id);
        Assert.Equal(2, await CustomerRows());
    }

    [Fact]
    public async Task a_refused_registration_does_not_use_up_its_idempotency_key()
    {
        var client = Host.Client(TestUser.RepEast);

        var refused = await Send(client, new { name = "No kind or region" }, "register-retry");
        var corrected = await Send(client, RegisterBody(), "register-retry");

        await refused.ReadValidationProblem("kind", "region");
        await corrected.Read<CustomerResponse>(HttpStatusCode.Created);
        Assert.Equal(1, await CustomerRows());
    }

    [Fact]
    public async Task two_simultaneous_registrations_with_the_same_idempotency_key_create_one_customer()
    {
        var client = Host.Client(TestUser.RepEast);
        var body = RegisterBody();

        var responses = await Task.WhenAll(Send(client, body, "double-click-1"), Send(client, body, "double-click-1"));

        var ids = await Task.WhenAll(responses.Select(r => r.Read<CustomerResponse>(HttpStatusCode.Created)));
        Assert.Equal(ids[0].Id, ids[1].Id);
        Assert.Equal(1, await CustomerRows());
        Assert.Equal(1, await OutboxRows<CustomerRegistered>());
    }

    [Fact]
    public async Task a_second_customer_with_the_same_code_is_a_conflict()
    {
        await Register(Host, TestUser.RepEast, code: "DEALER-001");

        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/customers", RegisterBody(code: "DEALER-001"));

        await response.ReadProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, await CustomerRows());
    }

    [Fact]
    public async Task a_caller_without_a_token_can_neither_register_nor_read()
    {
        var anonymous = Host.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/customers", RegisterBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/customers")).StatusCode);
        Assert.Equal(0, await CustomerRows());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }
}
