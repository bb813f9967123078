namespace Crm.Contracts.Domain;

/// <summary>
/// A product of the company's catalogue (产品目录): its line, brand and specification, the unit it is sold by, its list
/// price and the floor price below which a dealer's sale is flagged (价格管理). Contracts keeps the catalogue.
/// </summary>
public sealed record Product(
    string Code, string Name, string ProductLine, string Brand, string Specification, string Unit, decimal ListPrice, decimal FloorPrice);

/// <summary>The catalogue the platform starts with: a building-materials maker's tiles, sanitary ware and cabinets.</summary>
public static class ProductCatalogue
{
    public static readonly IReadOnlyList<Product> Standard =
    [
        new("TL-600", "抛光砖 Polished tile 600", "TILE", "华瓷 Huaci", "600×600×10 mm", "m²", 68.00m, 55.00m),
        new("TL-800", "抛光砖 Polished tile 800", "TILE", "华瓷 Huaci", "800×800×11 mm", "m²", 96.00m, 78.00m),
        new("WT-300", "内墙砖 Wall tile 300", "TILE", "华瓷 Huaci", "300×600×9 mm", "m²", 45.00m, 36.00m),
        new("SW-101", "智能马桶 Smart toilet", "SANITARY", "华瓷 Huaci", "SW-101, 400 mm rough-in", "set", 3280.00m, 2650.00m),
        new("SW-205", "浴室柜 Bathroom cabinet", "SANITARY", "华瓷 Huaci", "800 mm, oak", "set", 2180.00m, 1750.00m),
        new("KC-010", "整体橱柜 Kitchen cabinet", "CABINET", "家和 Jiahe", "per running metre", "m", 1980.00m, 1600.00m),
    ];
}
