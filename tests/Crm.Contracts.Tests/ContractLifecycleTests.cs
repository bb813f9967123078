using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Tests;

/// <summary>
/// Draft → submitted → in approval → approved → signed, returned or rejected on the way: completeness by part, the chain
/// the rules give (value, exclusive authority, non-standard clauses, credit), who decides, and every illegal step.
/// The contract of <see cref="ContractsHostTests.CompleteTerms"/> is worth 60,000 CNY per 1,000 m².
/// </summary>
public sealed class ContractLifecycleTests : ContractsHostTests
{
    [Fact]
    public async Task a_draft_with_only_the_templates_clauses_is_refused_naming_every_missing_field_and_stays_a_draft()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);

        var problem = await Submit(TestUser.RepEast, draft.Id).ReadValidationProblem(
            "terms.subject", "terms.delivery.place", "terms.delivery.transport", "terms.delivery.freightPaidBy",
            "terms.authority.level", "terms.authority.kind", "terms.authority.regions", "terms.authority.productLines", "terms.authority.until",
            "terms.policy", "terms.signing.place", "terms.signing.effectiveUntil",
            "terms.buyer.address", "terms.buyer.contact", "terms.buyer.legalRepresentative", "terms.buyer.signingRepresentative",
            "terms.buyer.bank", "terms.buyer.account", "terms.buyer.taxNumber");

        Assert.Contains("part 11", problem["terms.buyer.taxNumber"][0], StringComparison.Ordinal);
        Assert.Equal(ContractStatus.Draft, (await Get(TestUser.RepEast, draft.Id)).Status);
    }

    [Fact]
    public async Task a_product_outside_the_catalogue_dates_out_of_order_and_a_rebate_tier_without_its_rate_are_named_on_their_fields()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        var complete = CompleteTerms(customer);
        await Revise(TestUser.RepEast, draft.Id, complete with
        {
            Subject = [complete.Subject![0], new SubjectLine("NO-SUCH", 10m, 1m)],
            Signing = complete.Signing! with { EffectiveUntil = new DateOnly(2025, 12, 31) },
            Policy = complete.Policy! with { RebateTiers = [new RebateTier(0m, 0.01m), new RebateTier(500_000m, null)] },
        }).Expect(HttpStatusCode.OK);

        await Submit(TestUser.RepEast, draft.Id).ReadValidationProblem("terms.subject[1].productCode", "terms.signing.effectiveUntil", "terms.policy.rebateTiers[1]");
    }

    [Theory]
    [InlineData(1_000, DistributionKind.General, false, "BranchManager")]
    [InlineData(10_000, DistributionKind.General, false, "BranchManager,RegionalDirector")]
    [InlineData(1_000, DistributionKind.Exclusive, false, "BranchManager,RegionalDirector")]
    [InlineData(40_000, DistributionKind.General, false, "BranchManager,RegionalDirector,MarketingGM")]
    [InlineData(1_000, DistributionKind.General, true, "BranchManager,MarketingGM")]
    public async Task the_chain_is_every_role_the_rules_add_for_the_value_authority_and_clauses_from_the_branch_up(
        int quantity, DistributionKind kind, bool nonStandard, string chain)
    {
        var customer = await KnownCustomer();
        var terms = CompleteTerms(customer, quantity, kind);
        terms = nonStandard ? terms with { Quality = terms.Quality + " 另加：每批抽检 5%。Plus: 5 % of each batch sampled." } : terms;

        var submitted = await Submitted(customer, terms);

        Assert.Equal(chain.Split(','), submitted.Chain.Select(s => s.Role));
        Assert.Equal((ContractStatus.Submitted, Roles.BranchManager), (submitted.Status, submitted.WaitingFor));
        Assert.Equal(quantity * 60m, submitted.Value.Amount);
        var published = await Host.Published<ContractSubmitted>(e => e.ContractId == submitted.Id);
        Assert.Equal(chain.Split(','), published.Approvers);
        Assert.Equal((false, quantity * 60m), (published.OverCreditLimit, published.Value));
    }

    [Fact]
    public async Task a_contract_on_credit_over_the_limit_takes_the_credit_step_with_the_figures_counting_only_approved_and_later_contracts()
    {
        var customer = await KnownCustomer(creditLimit: 100_000m);
        await Approved(customer);
        await Submitted(customer);
        await CreateDraft(TestUser.RepEast, customer.CustomerId);

        var over = await Submitted(customer);

        Assert.Equal([Roles.BranchManager, Roles.MarketingGM], over.Chain.Select(s => s.Role));
        Assert.Equal((100_000m, 60_000m, 60_000m, true), (over.Credit!.Limit, over.Credit.Exposure, over.Credit.Value, over.Credit.IsOver));
        var onCredit = CompleteTerms(customer);
        var paidBeforeShipment = await Submitted(customer, onCredit with { Settlement = onCredit.Settlement! with { PaymentDays = null } });
        Assert.Equal([Roles.BranchManager], paidBeforeShipment.Chain.Select(s => s.Role));
        Assert.False(paidBeforeShipment.Credit!.IsOver);
        Assert.Contains("Exposure 60,000.00 CNY + this contract 60,000.00 CNY = 120,000.00 CNY against the credit limit of 100,000.00 CNY",
            over.Chain[1].Why, StringComparison.Ordinal);
        Assert.True((await Host.Published<ContractSubmitted>(e => e.ContractId == over.Id)).OverCreditLimit);
    }

    [Fact]
    public async Task rules_that_refuse_contracts_over_the_limit_refuse_the_submission_with_the_figures()
    {
        var customer = await KnownCustomer(creditLimit: 50_000m);
        await Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/contracts/approval-rules", new
        {
            rules = new[] { new { name = "Every contract", roles = new[] { Roles.BranchManager } } },
            overCredit = OverCreditAction.Refuse,
        }, TestJson.Options).Expect(HttpStatusCode.OK);
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        await Revise(TestUser.RepEast, draft.Id, CompleteTerms(customer)).Expect(HttpStatusCode.OK);

        var problem = await Submit(TestUser.RepEast, draft.Id).ReadProblem(HttpStatusCode.Conflict);

        Assert.Contains("Exposure 0.00 CNY + this contract 60,000.00 CNY = 60,000.00 CNY against the credit limit of 50,000.00 CNY", problem.Detail);
        Assert.Equal(ContractStatus.Draft, (await Get(TestUser.RepEast, draft.Id)).Status);
    }

    [Fact]
    public async Task supervisors_saving_the_first_rules_at_the_same_moment_get_200_or_409_never_a_500_and_one_version_each()
    {
        // Five rounds, each from no stored rules (the race is for the first save, which inserts the row).
        for (var round = 1; round <= 5; round++)
        {
            await Host.Scoped<ContractsDbContext, int>(db => db.ApprovalRuleSets.ExecuteDeleteAsync());
            var saves = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Host.Client(TestUser.Supervisor).PutAsJsonAsync("/api/contracts/approval-rules", new
            {
                rules = new[] { new { name = $"Every contract ({round}.{i})", roles = new[] { Roles.BranchManager } } },
                overCredit = OverCreditAction.Refuse,
            }, TestJson.Options)));

            Assert.All(saves, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            var stored = await Host.Client(TestUser.Supervisor).GetAsync("/api/contracts/approval-rules").Read<ContractApprovalRulesResponse>();
            Assert.Equal(saves.Count(r => r.StatusCode == HttpStatusCode.OK), stored.Version);
        }
    }

    [Fact]
    public async Task each_step_is_decided_by_its_role_in_order_and_the_last_approval_publishes_contract_approved()
    {
        var customer = await KnownCustomer();
        var submitted = await Submitted(customer, CompleteTerms(customer, 10_000m));

        await Decide(DirectorEast, submitted.Id, ContractDecisionKind.Approve).ReadProblem(HttpStatusCode.Forbidden);
        var first = await Decide(TestUser.ManagerEast, submitted.Id, ContractDecisionKind.Approve, "OK for the branch").Read<ContractResponse>();
        await Decide(TestUser.ManagerEast, submitted.Id, ContractDecisionKind.Approve).ReadProblem(HttpStatusCode.Forbidden);
        var approved = await Decide(DirectorEast, submitted.Id, ContractDecisionKind.Approve).Read<ContractResponse>();

        Assert.Equal((ContractStatus.InApproval, Roles.RegionalDirector), (first.Status, first.WaitingFor));
        Assert.Equal((ContractStatus.Approved, (string?)null), (approved.Status, approved.WaitingFor));
        Assert.Equal([("BranchManager", "manager.east", "OK for the branch"), ("RegionalDirector", "director.east", (string?)null)],
            approved.Decisions.Select(d => (d.Role, d.By, d.Comment)));
        Assert.Equal("director.east", (await Host.Published<ContractApproved>(e => e.ContractId == submitted.Id)).ApprovedBy);
    }

    [Fact]
    public async Task a_manager_never_approves_a_contract_they_drafted()
    {
        var customer = await KnownCustomer();
        var submitted = await Submitted(customer, drafter: TestUser.ManagerEast);

        var problem = await Decide(TestUser.ManagerEast, submitted.Id, ContractDecisionKind.Approve).ReadProblem(HttpStatusCode.Conflict);

        Assert.Contains("does not approve it", problem.Detail);
        Assert.Empty(await Inbox(TestUser.ManagerEast));
    }

    [Fact]
    public async Task a_returned_contract_goes_back_to_its_drafter_who_revises_and_resubmits_and_the_chain_starts_over()
    {
        var customer = await KnownCustomer();
        var submitted = await Submitted(customer, CompleteTerms(customer, 10_000m));
        await Decide(TestUser.ManagerEast, submitted.Id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK);

        await Decide(DirectorEast, submitted.Id, ContractDecisionKind.Return).ReadProblem(HttpStatusCode.Conflict);
        var returned = await Decide(DirectorEast, submitted.Id, ContractDecisionKind.Return, "Half the quantity").Read<ContractResponse>();
        await Revise(TestUser.RepEast, submitted.Id, CompleteTerms(customer, 5_000m)).Expect(HttpStatusCode.OK);
        var resubmitted = await Submit(TestUser.RepEast, submitted.Id).Read<ContractResponse>();

        Assert.Equal(ContractStatus.Returned, returned.Status);
        Assert.Equal((ContractStatus.Submitted, Roles.BranchManager, 300_000m), (resubmitted.Status, resubmitted.WaitingFor, resubmitted.Value.Amount));
        Assert.Equal([Roles.BranchManager], resubmitted.Chain.Select(s => s.Role));
        Assert.Equal(2, resubmitted.Decisions.Count);
    }

    [Fact]
    public async Task every_illegal_step_is_a_conflict_that_changes_nothing()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        var submitted = await Submitted(customer);
        var rejected = await Submitted(customer);
        await Decide(TestUser.ManagerEast, rejected.Id, ContractDecisionKind.Reject, "Not this dealer").Expect(HttpStatusCode.OK);
        var approved = await Approved(customer);
        var signed = await Approved(customer);
        await Sign(TestUser.RepEast, signed.Id).Expect(HttpStatusCode.OK);
        var terminate = (Guid id) => Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "Dealer closed" });

        var steps = new (string What, Func<Task<HttpResponseMessage>> Step)[]
        {
            ("decide a draft", () => Decide(TestUser.ManagerEast, draft.Id, ContractDecisionKind.Approve)),
            ("terminate a draft", () => terminate(draft.Id)),
            ("revise a submitted contract", () => Revise(TestUser.RepEast, submitted.Id, CompleteTerms(customer))),
            ("submit a submitted contract", () => Submit(TestUser.RepEast, submitted.Id)),
            ("sign a submitted contract", () => Sign(TestUser.RepEast, submitted.Id)),
            ("submit a rejected contract", () => Submit(TestUser.RepEast, rejected.Id)),
            ("decide a rejected contract", () => Decide(TestUser.ManagerEast, rejected.Id, ContractDecisionKind.Approve)),
            ("decide an approved contract", () => Decide(TestUser.ManagerEast, approved.Id, ContractDecisionKind.Approve)),
            ("revise an approved contract", () => Revise(TestUser.RepEast, approved.Id, CompleteTerms(customer))),
            ("sign a signed contract", () => Sign(TestUser.RepEast, signed.Id)),
            ("submit a signed contract", () => Submit(TestUser.RepEast, signed.Id)),
        };
        var versions = new Dictionary<Guid, long>();
        foreach (var id in new[] { draft.Id, submitted.Id, rejected.Id, approved.Id, signed.Id })
        {
            versions[id] = (await Get(TestUser.RepEast, id)).Version;
        }

        foreach (var (what, step) in steps)
        {
            Assert.True((await step()).StatusCode == HttpStatusCode.Conflict, $"{what} was not a conflict");
        }

        foreach (var (id, version) in versions)
        {
            Assert.Equal(version, (await Get(TestUser.RepEast, id)).Version);
        }
    }

    [Fact]
    public async Task the_inbox_lists_what_waits_for_the_callers_role_in_their_regions_oldest_first()
    {
        var east = await KnownCustomer();
        var north = await KnownCustomer("NORTH", "rep.north");
        var first = await Submitted(east);
        var second = await Submitted(east, CompleteTerms(east, 10_000m));
        await Submitted(north, CompleteTerms(north) with { Authority = CompleteTerms(north).Authority! with { Regions = ["NORTH"] } }, TestUser.RepNorth);
        await Decide(TestUser.ManagerEast, second.Id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK);

        Assert.Equal([first.Number], (await Inbox(TestUser.ManagerEast)).Select(c => c.Number));
        Assert.Equal([second.Number], (await Inbox(DirectorEast)).Select(c => c.Number));
        Assert.Empty(await Inbox(TestUser.DirectorNorth));
        await Host.Client(TestUser.RepEast).GetAsync("/api/contracts/inbox").ReadProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_manager_terminates_a_signed_contract_with_the_reason_and_it_no_longer_counts_against_credit()
    {
        var customer = await KnownCustomer(creditLimit: 100_000m);
        var signed = await Approved(customer);
        await Sign(TestUser.RepEast, signed.Id).Expect(HttpStatusCode.OK);

        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/contracts/{signed.Id}/terminate", new { reason = "Dealer closed" })
            .ReadProblem(HttpStatusCode.Forbidden);
        var terminated = await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/contracts/{signed.Id}/terminate", new { reason = "Dealer closed" })
            .Read<ContractResponse>();
        var next = await Submitted(customer);

        Assert.Equal((ContractStatus.Terminated, "Dealer closed"), (terminated.Status, terminated.TerminationReason));
        Assert.Equal("Dealer closed", (await Host.Published<ContractTerminated>(e => e.ContractId == signed.Id)).Reason);
        Assert.Equal((0m, false), (next.Credit!.Exposure, next.Credit.IsOver));
    }

    private async Task<IReadOnlyList<ContractSummary>> Inbox(TestUser user) =>
        (await Host.Client(user).GetAsync("/api/contracts/inbox").Read<Crm.BuildingBlocks.Http.PagedResult<ContractSummary>>()).Items;
}
