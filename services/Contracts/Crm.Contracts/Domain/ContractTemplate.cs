using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Domain;

namespace Crm.Contracts.Domain;

/// <summary>
/// The standard clauses of a template: quality, acceptance, settlement, ordering and returns, breach and disputes, and
/// the delivery terms, with the company's own party details (part 11, the seller).
/// </summary>
public sealed record StandardClauses(
    [property: MaxLength(ContractLimits.Clause)] string Quality,
    [property: MaxLength(ContractLimits.Clause)] string DeliveryTerms,
    [property: MaxLength(ContractLimits.Clause)] string Acceptance,
    [property: MaxLength(ContractLimits.Clause)] string Settlement,
    [property: MaxLength(ContractLimits.Clause)] string OrderingAndReturns,
    [property: MaxLength(ContractLimits.Clause)] string BreachAndDisputes,
    Party Seller);

/// <summary>
/// A version of the standard contract text (标准合同文本), kept by the contract custodian (专人管理). Publishing a
/// template's text again makes a new version; a contract keeps the version it was drafted from, and old versions stay.
/// </summary>
public sealed class ContractTemplate : AggregateRoot
{
    private ContractTemplate()
    {
    }

    public Guid Id { get; private init; }
    public string Code { get; private init; } = "";
    public int Version { get; private init; }
    public string Name { get; private init; } = "";
    public StandardClauses Clauses { get; private init; } = null!;
    public DateTimeOffset PublishedAt { get; private init; }
    public string PublishedBy { get; private init; } = "";

    public static ContractTemplate Publish(string code, int version, string name, StandardClauses clauses, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Code = code,
        Version = version,
        Name = name,
        Clauses = clauses,
        PublishedAt = at,
        PublishedBy = by,
    };

    /// <summary>
    /// The terms a new contract starts from: the standard clauses filled in, the company as seller, the dealer's
    /// registered name and address as buyer; the rest (subject, authority, policy, dates) is the drafter's.
    /// </summary>
    public ContractTerms Draft(string buyerName, string buyerAddress) => ContractTerms.Empty with
    {
        Quality = Clauses.Quality,
        Delivery = new Delivery(Clauses.DeliveryTerms, null, null, null),
        Acceptance = Clauses.Acceptance,
        Settlement = new Settlement(Clauses.Settlement, null),
        OrderingAndReturns = Clauses.OrderingAndReturns,
        BreachAndDisputes = Clauses.BreachAndDisputes,
        Seller = Clauses.Seller,
        Buyer = new Party(buyerName, string.IsNullOrWhiteSpace(buyerAddress) ? null : buyerAddress, null, null, null, null, null, null, null),
    };

    /// <summary>The code of the distribution agreement the company starts with, drafted from when no template is named.</summary>
    public const string StandardCode = "DIST";

    /// <summary>The version the documented standard text has until the custodian publishes one.</summary>
    public const int StandardVersion = 1;

    /// <summary>The distribution agreement the company starts with (经销合同), version 1.</summary>
    public static ContractTemplate Standard(DateTimeOffset at) => Publish(StandardCode, StandardVersion, "经销合同 Distribution agreement", new StandardClauses(
        "产品质量符合国家标准 GB/T 4100 及企业标准；每批附合格证。Products meet GB/T 4100 and the company's standard; each batch carries its certificate.",
        "按经销商订单约定时间发货。Goods ship on the dates agreed in each order.",
        "到货后 7 日内验收，逾期视为合格。Goods are inspected within 7 days of arrival; after that they count as accepted.",
        "款到发货或按约定账期电汇。Payment before shipment, or by wire within the agreed days.",
        "月度订货计划，质量问题 30 日内可退换。Monthly order plans; goods with quality defects may be returned within 30 days.",
        "违约方承担守约方损失；争议提交甲方所在地人民法院。The party in breach bears the other's losses; disputes go to the court where the seller is registered.",
        new Party("华瓷建材股份有限公司 Huaci Building Materials Co., Ltd.", "广东省佛山市禅城区华瓷大道 1 号", "合同管理部 Contracts office", "0757-8000 1234",
            "周强 Zhou Qiang", "黄涛 Huang Tao", "中国工商银行佛山分行", "2013 0100 0920 0123 456", "91440600MA4W000001")),
        "platform", at);
}
