using Crm.Portal.SignIn;

namespace Crm.Portal.Api;

/// <summary>
/// Files the APIs produce (customer exports, printed permits and badges, signed contracts), fetched for the signed-in user and handed to the browser: the
/// browser holds no token, so it cannot ask the API itself.
/// </summary>
public static class Downloads
{
    public static void MapPortalDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/downloads").RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        downloads.MapGet("/hospitality/{id:guid}/{document:regex(^(permit|badges)$)}", async (Guid id, string document, HospitalityApi hospitality, CancellationToken cancellationToken) =>
        {
            try
            {
                var (content, fileName) = await hospitality.PrintAsync(id, document, cancellationToken);
                return Results.File(content, "application/pdf", fileName);
            }
            catch (ApiException e)
            {
                return Results.Problem(statusCode: (int)e.Problem.Status, title: e.Problem.Title, detail: e.Problem.Detail);
            }
        });
        downloads.MapGet("/customers/export.csv", async (string? q, Crm.IntegrationEvents.CustomerGrade? grade, CustomersApi customers, CancellationToken cancellationToken) =>
        {
            try
            {
                var (content, fileName) = await customers.ExportAsync(new CustomerFilter(q, Grade: grade), cancellationToken);
                return Results.File(content, "text/csv; charset=utf-8", fileName);
            }
            catch (ApiException e)
            {
                return Results.Problem(statusCode: (int)e.Problem.Status, title: e.Problem.Title, detail: e.Problem.Detail);
            }
        });
        downloads.MapGet("/contracts/{id:guid}/document", async (Guid id, ContractsApi contracts, CancellationToken cancellationToken) =>
        {
            try
            {
                var (content, _) = await contracts.DocumentAsync(id, cancellationToken);
                return Results.File(content, "text/html; charset=utf-8");
            }
            catch (ApiException e)
            {
                return Results.Problem(statusCode: (int)e.Problem.Status, title: e.Problem.Title, detail: e.Problem.Detail);
            }
        });
    }
}
