using Microsoft.EntityFrameworkCore;

namespace Crm.BuildingBlocks.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction through the context's execution strategy: on a
    /// transient failure the whole unit (reads included) runs again from a clean change tracker, which is the only
    /// safe way to combine a retrying strategy with a transaction of one's own. A result other than
    /// <c>commit: true</c> rolls back.
    /// </summary>
    public static Task<T> InTransactionAsync<TContext, T>(
        this TContext db, Func<CancellationToken, Task<(bool Commit, T Result)>> work, CancellationToken cancellationToken)
        where TContext : DbContext =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (db, work),
            async (_, state, ct) =>
            {
                state.db.ChangeTracker.Clear();
                await using var transaction = await state.db.Database.BeginTransactionAsync(ct);
                var (commit, result) = await state.work(ct);
                if (commit)
                {
                    await transaction.CommitAsync(ct);
                }
                else
                {
                    await transaction.RollbackAsync(ct);
                }

                return result;
            },
            verifySucceeded: null,
            cancellationToken);
}
