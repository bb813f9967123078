namespace Crm.BuildingBlocks.Domain;

/// <summary>One field's old and new value, for the audit log and the events' list of changed fields.</summary>
public sealed record FieldChange(string Field, string? From, string? To);
