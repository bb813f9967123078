using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record KeyPersonRequest(
    [property: MaxLength(100)] string? Name,
    DecisionRole? Role,
    [property: MaxLength(200)] string? WorkUnit = null,
    [property: MaxLength(100)] string? Position = null,
    bool? HasDecisionPower = null,
    [property: MaxLength(CustomerLimits.Phone)] string? Phone = null,
    [property: MaxLength(200)] string? Email = null,
    [property: MaxLength(1000)] string? Notes = null)
{
    public Validation Check()
    {
        var validation = new Validation()
            .Limits(this)
            .Required("name", Name)
            .Defined("role", Role);
        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))
        {
            validation.Add("email", "Not an e-mail address.");
        }

        return validation;
    }

    public KeyPersonDetails ToDetails() => new(
        Name!.Trim(), WorkUnit?.Trim() ?? "", Position?.Trim() ?? "", Role!.Value,
        HasDecisionPower ?? Role == DecisionRole.DecisionMaker, Phone?.Trim() ?? "", Email?.Trim() ?? "", Notes?.Trim() ?? "");
}

/// <summary>Key persons (关键人) under a customer: contact details, so reading them is audited like the card's phone.</summary>
public static class KeyPersons
{
    public static void MapKeyPersons(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/key-persons", List)
            .WithName("ListKeyPersons")
            .WithSummary("The customer's key persons with their contact details (the read is audited).");
        api.MapPost("/{id:guid}/key-persons", Add)
            .WithName("AddKeyPerson")
            .WithSummary("Adds a key person: name, work unit, position, decision role, decision power, phone, e-mail, notes. Honours If-Match (the customer's version).");
        api.MapPut("/{id:guid}/key-persons/{personId:guid}", Update)
            .WithName("UpdateKeyPerson")
            .WithSummary("Replaces a key person's details. Honours If-Match (the customer's version).");
        api.MapDelete("/{id:guid}/key-persons/{personId:guid}", Remove)
            .WithName("RemoveKeyPerson")
            .WithSummary("Removes a key person who no longer works with the company (the removal is audited with the old details). Honours If-Match (the customer's version).");
    }

    private static async Task<Results<Ok<List<KeyPersonResponse>>, NotFound>> List(
        Guid id, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        if (await db.FindVisible(id, user, http.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var persons = await db.KeyPersons.AsNoTracking().Where(k => k.CustomerId == id).OrderBy(k => k.Name).ToListAsync(http.RequestAborted);
        db.Audit(user, AuditActions.ReadContactDetails, id, new { read = "keyPersons", count = persons.Count }, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(persons.Select(KeyPersonResponse.From).ToList());
    }

    private static async Task<Results<Created<KeyPersonResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Add(
        Guid id, KeyPersonRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = request.Check();
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        var person = customer.AddKeyPerson(request.ToDetails(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Created($"/api/customers/{id}/key-persons/{person.Id}", KeyPersonResponse.From(person));
    }

    private static async Task<Results<Ok<KeyPersonResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, NotFound>> Update(
        Guid id, Guid personId, KeyPersonRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = request.Check();
        var (customer, refusal) = await db.FindForChange(id, user, http, validation, withKeyPersons: true);
        if (customer is null)
        {
            return refusal!;
        }

        if (customer.KeyPersons.FirstOrDefault(k => k.Id == personId) is not { } person)
        {
            return TypedResults.NotFound();
        }

        customer.UpdateKeyPerson(person, request.ToDetails(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(KeyPersonResponse.From(person));
    }

    private static async Task<Results<NoContent, Results<ValidationProblem, NotFound, ProblemHttpResult>, NotFound>> Remove(
        Guid id, Guid personId, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (customer, refusal) = await db.FindForChange(id, user, http, withKeyPersons: true);
        if (customer is null)
        {
            return refusal!;
        }

        if (customer.KeyPersons.FirstOrDefault(k => k.Id == personId) is not { } person)
        {
            return TypedResults.NotFound();
        }

        customer.RemoveKeyPerson(person, user.Id, time.GetUtcNow());
        db.KeyPersons.Remove(person);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.NoContent();
    }
}
