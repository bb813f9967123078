namespace Crm.Portal.Features.Complaints;

/// <summary>The criteria a routing rule can name, as the API names them, with the resource key of their label.</summary>
public static class RoutingCriteria
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["type"] = "Complaint.Type",
        ["productLine"] = "Complaint.ProductLine",
        ["region"] = "Customer.Region",
        ["severity"] = "Complaint.Severity",
        ["tier"] = "Customer.Tier",
        ["grade"] = "Customer.Grade",
        ["channel"] = "Complaint.Channel",
    };

    /// <summary>The label key of the criterion a dry run's mismatch ("severity is Low, the rule wants ...") is about.</summary>
    public static string LabelOf(string mismatch) => Labels.GetValueOrDefault(mismatch.Split(' ')[0], "Routing.Criteria");
}
