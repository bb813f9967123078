using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

/// <param name="SignedOn">The day both parties signed; today when left out, never later.</param>
/// <param name="Place">Where it was signed; the place in part 10 when left out.</param>
/// <param name="CompanySignatory">Who signed for the company; the seller's signing representative when left out.</param>
/// <param name="CustomerSignatory">Who signed for the dealer; the buyer's signing representative when left out.</param>
/// <param name="Custodian">The contract custodian (合同专管员) who holds the original.</param>
public sealed record SignContractRequest(
    DateOnly? SignedOn = null,
    [property: MaxLength(ContractLimits.Line)] string? Place = null,
    [property: MaxLength(ContractLimits.Name)] string? CompanySignatory = null,
    [property: MaxLength(ContractLimits.Name)] string? CustomerSignatory = null,
    [property: MaxLength(100)] string? Custodian = null);

/// <summary>
/// The signature of an approved contract (签订): the day, the place, both signatories and the custodian who holds the
/// original, with the whole contract rendered as the document both signed (HTML with a print stylesheet, Chinese as
/// written) and stored with its SHA-256 hash. Recorded by the customer's rep, a manager of the region or the region's
/// custodian. The customer becomes grade A (ContractSigned).
/// </summary>
public static class SignContract
{
    public static void MapSignContract(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/sign", Handle)
            .WithName("SignContract")
            .WithSummary("Records the signature of an approved contract and stores its document with a hash; publishes ContractSigned (the customer becomes grade A). Honours If-Match.");
        api.MapGet("/{id:guid}/document", Document)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithName("ContractDocument")
            .WithSummary("The signed contract's document (HTML, printable), exactly as stored; its SHA-256 is the contract's documentHash.");
    }

    private static async Task<Results<Ok<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Handle(
        Guid id, SignContractRequest? request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        request ??= new SignContractRequest();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var validation = new Validation().Limits(request).Required("custodian", request.Custodian);
        if (request.SignedOn > today)
        {
            validation.Add("signedOn", $"A signature is recorded once made: on {today:yyyy-MM-dd} at the latest.");
        }

        var (contract, refusal) = await db.Contracts.FindForChange(id, http, validation, user.MaySeeContract,
            c => user.MayWork(c) || (user.IsInRole(Roles.ContractCustodian) && user.Regions.Contains(c.Region)),
            "Only the customer's rep, the managers of its region and its custodian record a signature.");
        if (contract is null)
        {
            return refusal!;
        }

        var terms = contract.Terms;
        var signature = new Signature(
            request.SignedOn ?? today,
            Pick(request.Place, terms.Signing?.Place),
            Pick(request.CompanySignatory, terms.Seller?.SigningRepresentative),
            Pick(request.CustomerSignatory, terms.Buyer?.SigningRepresentative),
            request.Custodian!.Trim(),
            user.Id,
            now);
        var document = ContractDocument.Render(contract, signature, await db.CatalogueAsync(http.RequestAborted));
        contract.Sign(signature, document, ContractDocument.Hash(document), now);
        await db.MarkPredecessorAsync(contract, now, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Document(Guid id, ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is { Document: { } document } && user.MaySeeContract(contract)
            ? TypedResults.Content(document, "text/html; charset=utf-8")
            : TypedResults.NotFound();
    }

    private static string Pick(string? given, string? fallback) => (string.IsNullOrWhiteSpace(given) ? fallback : given)?.Trim() ?? "";
}

/// <summary>The signed contract as one printable HTML document, all 11 parts, and its SHA-256.</summary>
public static class ContractDocument
{
    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static string Render(Contract contract, Signature signature, IReadOnlyDictionary<string, Product> catalogue)
    {
        var t = contract.Terms;
        var html = new StringBuilder();
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
        void Part(string title, string body) => html.Append("<section><h2>").Append(title).Append("</h2>").Append(body).Append("</section>");
        string Row(string label, string? value) => $"<tr><th>{label}</th><td>{E(value)}</td></tr>";
        string Party(Party? p) => "<table>" + Row("名称 Registered name", p?.RegisteredName) + Row("地址 Address", p?.Address) + Row("联系人 Contact", p?.Contact)
            + Row("电话 Phone", p?.Phone) + Row("法定代表人 Legal representative", p?.LegalRepresentative) + Row("签约代表 Signing representative", p?.SigningRepresentative)
            + Row("开户行 Bank", p?.Bank) + Row("账号 Account", p?.Account) + Row("税号 Tax number", p?.TaxNumber) + "</table>";

        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(contract.Number)).Append("</title><style>")
            .Append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",\"Droid Sans Fallback\",sans-serif;margin:2cm;font-size:11pt;line-height:1.5}")
            .Append("h1{font-size:18pt}h2{font-size:12pt;border-bottom:1px solid #999;margin-top:1.2em}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:2pt 4pt;text-align:left;vertical-align:top}th{width:30%;font-weight:normal;color:#444}")
            .Append("@media print{body{margin:0}section{page-break-inside:avoid}@page{size:A4;margin:2cm}}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(contract.Title)).Append("</h1><p>合同编号 Contract No. ").Append(E(contract.Number))
            .Append(" · 模板 Template ").Append(E(contract.TemplateCode)).Append(" v").Append(contract.TemplateVersion).Append("</p>");

        var lines = new StringBuilder("<table><tr><th>产品 Product</th><th>规格 Specification</th><th>数量 Quantity</th><th>单价 Unit price</th><th>金额 Amount</th></tr>");
        foreach (var line in t.Subject ?? [])
        {
            var product = line.ProductCode is { } code && catalogue.TryGetValue(code, out var p) ? p : null;
            lines.Append("<tr><td>").Append(E($"{line.ProductCode} {product?.Name} ({product?.Brand})")).Append("</td><td>").Append(E(product?.Specification))
                .Append("</td><td>").Append(E($"{line.Quantity} {product?.Unit}")).Append("</td><td>").Append(Money(line.UnitPrice ?? 0))
                .Append("</td><td>").Append(Money((line.Quantity ?? 0) * (line.UnitPrice ?? 0))).Append("</td></tr>");
        }

        lines.Append("<tr><th colspan=\"4\">合计 Total (").Append(E(contract.Value.Currency)).Append(")</th><td>").Append(Money(contract.Value.Amount)).Append("</td></tr></table>");
        Part("一、标的 Subject", lines.ToString());
        Part("二、质量要求 Quality", $"<p>{E(t.Quality)}</p>");
        Part("三、交货 Delivery", "<table>" + Row("交货条款 Terms", t.Delivery?.Terms) + Row("地点 Place", t.Delivery?.Place) + Row("运输 Transport", t.Delivery?.Transport)
            + Row("运费承担 Freight paid by", t.Delivery?.FreightPaidBy?.ToString()) + "</table>");
        Part("四、验收 Acceptance", $"<p>{E(t.Acceptance)}</p>");
        Part("五、经营权限 Business authority", "<table>" + Row("级别 Level", t.Authority?.Level) + Row("经销方式 Distribution", t.Authority?.Kind?.ToString())
            + Row("区域 Regions", string.Join(", ", t.Authority?.Regions ?? [])) + Row("产品线 Product lines", string.Join(", ", t.Authority?.ProductLines ?? []))
            + Row("期限 Term", $"{t.Authority?.From:yyyy-MM-dd} – {t.Authority?.Until:yyyy-MM-dd}") + "</table>");
        Part("六、结算方式 Settlement", "<table>" + Row("方式 Method", t.Settlement?.Method) + Row("账期（天）Payment days", t.Settlement?.PaymentDays?.ToString(CultureInfo.InvariantCulture)) + "</table>");
        var tiers = string.Join("", (t.Policy?.RebateTiers ?? []).Select(r => $"<tr><td>≥ {Money(r.From ?? 0)}</td><td>{(r.Rate ?? 0) * 100:0.##} %</td></tr>"));
        Part("七、分销政策 Distribution policy", "<table><tr><th>净销量 Net sales from</th><th>返利 Rebate</th></tr>" + tiers + "</table><table>"
            + Row("返利周期 Rebate period (stepped: each rate on its own band)", (t.Policy?.RebatePeriod ?? RebatePeriod.Term).ToString())
            + Row("年终奖励 Annual bonus", t.Policy?.AnnualBonusRate is { } bonus ? $"{bonus * 100:0.##} %" : "") + Row("促销 Promotion", t.Policy?.Promotion)
            + Row("广告 Advertising", t.Policy?.Advertising) + Row("人员支持 Staff support", t.Policy?.StaffSupport) + "</table>");
        Part("八、订货与退货 Ordering and returns", $"<p>{E(t.OrderingAndReturns)}</p>");
        Part("九、违约责任与争议解决 Breach and disputes", $"<p>{E(t.BreachAndDisputes)}</p>");
        Part("十、签订 Signing", "<table>" + Row("签订日期 Signed on", signature.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            + Row("签订地点 Place", signature.Place) + Row("有效期 Effective", $"{t.Signing?.EffectiveFrom:yyyy-MM-dd} – {t.Signing?.EffectiveUntil:yyyy-MM-dd}") + "</table>");
        Part("十一、双方信息 Parties", "<h3>甲方 Seller</h3>" + Party(t.Seller) + "<h3>乙方 Buyer</h3>" + Party(t.Buyer));
        html.Append("<section><h2>签字 Signatures</h2><table>").Append(Row("甲方签约代表 For the seller", signature.CompanySignatory))
            .Append(Row("乙方签约代表 For the buyer", signature.CustomerSignatory)).Append(Row("原件保管 Original held by", signature.Custodian)).Append("</table></section>");
        html.Append("</body></html>");
        return html.ToString();
    }
}
