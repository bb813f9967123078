namespace Crm.BuildingBlocks.Http;

/// <summary>One page of a filtered list, with the total so a client can show "page 3 of 12".</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Checks page (from 1) and pageSize (1 to 200) and returns the values to use.</summary>
    public static (int Page, int PageSize) Check(Validation validation, int? page, int? pageSize)
    {
        if (page is < 1)
        {
            validation.Add("page", "Must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            validation.Add("pageSize", $"Must be from 1 to {MaxPageSize}.");
        }

        return (page ?? 1, pageSize ?? DefaultPageSize);
    }

    public static IQueryable<T> TakePage<T>(this IQueryable<T> query, int page, int pageSize) =>
        query.Skip((page - 1) * pageSize).Take(pageSize);
}
