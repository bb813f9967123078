using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Messaging;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// Base of every service's DbContext: the unit of work, plus the tables that make messaging reliable (outbox, inbox),
/// creating POSTs repeatable (idempotency records) and changes accountable (the audit log), kept in the service's own database.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    // Enums by name, as the API shows them: a number in the log would change meaning if an enum were reordered.
    private static readonly JsonSerializerOptions AuditJson = new(EventJson.Options)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>
    /// Stages an audit line in this unit of work. Changes are audited from their domain events (<see cref="ToAudit"/>);
    /// this is called directly only for what is not a change of an aggregate: reads of contact details, exports, imports.
    /// </summary>
    public void Audit(string userId, string action, Guid? subjectId, object details, DateTimeOffset at) =>
        AuditLog.Add(new AuditEntry(userId, action, subjectId, JsonSerializer.Serialize(details, AuditJson), at));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StageDomainEvents();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StageDomainEvents();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The integration events a domain event publishes, mapped in one place per service (none by default).</summary>
    protected virtual IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => [];

    /// <summary>The audit line a domain event leaves, mapped in the same place per service as its integration events (none by default).</summary>
    protected virtual AuditLine? ToAudit(IDomainEvent domainEvent) => null;

    /// <summary>
    /// The one step that turns what the tracked aggregates raised into outbox rows and audit lines,
    /// written by the same SaveChanges as the state change they describe and published after the transaction commits,
    /// so a crash can neither lose one nor publish a change that never happened. The events are cleared as they are
    /// staged: from then on the change tracker holds them, so saving again after a failure does not stage them twice.
    /// </summary>
    internal void StageDomainEvents()
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();
        foreach (var aggregate in aggregates)
        {
            var raised = aggregate.DomainEvents.ToList();
            aggregate.ClearDomainEvents();
            foreach (var domainEvent in raised)
            {
                foreach (var integrationEvent in ToIntegrationEvents(domainEvent))
                {
                    OutboxMessages.Add(OutboxMessage.From(integrationEvent));
                }

                if (ToAudit(domainEvent) is { } line)
                {
                    Audit(line.By, line.Action, line.SubjectId, line.Details, domainEvent.OccurredAt);
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Domain events live on the aggregate only until SaveChanges stages them; they are never columns.
        configurationBuilder.IgnoreAny<IReadOnlyList<IDomainEvent>>();
        if (Database.IsSqlite())
        {
            // SQLite has no DateTimeOffset type; stored as a long so that ordering and comparison run in the database.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.SentAt, m.OccurredAt });
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.HasIndex(m => m.ProcessedAt);
        });
        modelBuilder.Entity<NumberSequence>(e =>
        {
            e.HasKey(n => n.Series);
            e.Property(n => n.Series).HasMaxLength(50);
            e.Property(n => n.Next).IsConcurrencyToken();
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.HasKey(r => new { r.Scope, r.Key });
            e.Property(r => r.Scope).HasMaxLength(300);
            e.Property(r => r.Key).HasMaxLength(100);
            e.Property(r => r.Location).HasMaxLength(500);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.HasIndex(r => r.CreatedAt);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditLog");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserId).HasMaxLength(AuditEntry.UserIdLength);
            e.Property(a => a.Action).HasMaxLength(AuditEntry.ActionLength);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.SubjectId, a.At });
            e.HasIndex(a => new { a.UserId, a.At });
        });
    }
}

/// <summary>The stored answer to a creating POST, replayed when the same Idempotency-Key comes again.</summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required int StatusCode { get; init; }
    public required string ResponseBody { get; init; }

    /// <summary>SHA-256 of the request, hex; null for records kept before it was.</summary>
    public string? RequestHash { get; init; }
    public string? Location { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
