namespace Crm.BuildingBlocks.Http;

/// <summary>
/// The "type" of a 409's problem details, so that a client can tell a lost race, which reloading and retrying resolves,
/// from a business rule's refusal, which retrying does not.
/// </summary>
public static class ProblemTypes
{
    public const string ChangedMeanwhile = "urn:crm:problem:changed-meanwhile";

    public const string BusinessRule = "urn:crm:problem:business-rule";
}
