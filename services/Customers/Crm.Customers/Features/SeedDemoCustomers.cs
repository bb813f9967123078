using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

/// <summary>
/// A small demo customer base in two regions (most around Shanghai and Beijing, the rest in nearby cities), with coordinates, grade histories, phones, a key person each, credit limits for the
/// customers that reached B or A, and two cards left unverified for the verification report, created when
/// <c>Customers:SeedDemoData</c> is true and the database has no customers. It goes through the domain and the outbox like any registration, so every other
/// service's read model fills from the events.
/// </summary>
internal sealed class SeedDemoCustomers(IServiceScopeFactory scopes, TimeProvider time) : IHostedService
{
    // Coordinates as AMap gives them (GCJ-02), as a company's reps copy them from its map.
    private static readonly (string Code, string Name, CustomerKind Kind, string Region, string Owner, CustomerTier Tier, string Address, string Grades, double Latitude, double Longitude)[] Customers =
    [
        ("DEMO-E001", "华东建材经销有限公司 East Building Materials Distribution", CustomerKind.Dealer, "EAST", "rep.east", CustomerTier.Key, "上海市浦东新区张江路 88 号", "EDCBA", 31.2035, 121.5914),
        ("DEMO-E002", "苏州恒达二批商行 Suzhou Hengda Wholesale", CustomerKind.SecondaryWholesaler, "EAST", "rep.east", CustomerTier.Ordinary, "苏州市姑苏区人民路 120 号", "EDCB", 31.3006, 120.619),
        ("DEMO-E003", "杭州优选零售连锁 Hangzhou Youxuan Retail", CustomerKind.Retailer, "EAST", "rep.east2", CustomerTier.Ordinary, "杭州市西湖区文三路 45 号", "EDC", 30.2817, 120.149),
        ("DEMO-E004", "宁波港城工程集团 Ningbo Port City Engineering Group", CustomerKind.Group, "EAST", "rep.east2", CustomerTier.Key, "宁波市鄞州区天童南路 9 号", "ED", 29.856, 121.557),
        ("DEMO-E005", "南京李先生装修工作室 Mr Li's Renovation Studio", CustomerKind.EndCustomer, "EAST", "rep.east", CustomerTier.Ordinary, "南京市鼓楼区中山北路 200 号", "E", 32.076, 118.77),
        ("DEMO-E006", "上海闵行建材城 Minhang Building Materials City", CustomerKind.SecondaryWholesaler, "EAST", "rep.east", CustomerTier.Ordinary, "上海市闵行区吴中路 1388 号", "EDC", 31.1766, 121.3905),
        ("DEMO-E007", "上海杨浦瓷砖专营 Yangpu Tile Store", CustomerKind.Retailer, "EAST", "rep.east", CustomerTier.Ordinary, "上海市杨浦区黄兴路 2000 号", "ED", 31.2946, 121.527),
        ("DEMO-E008", "上海静安家装设计 Jing'an Home Design", CustomerKind.EndCustomer, "EAST", "rep.east", CustomerTier.Ordinary, "上海市静安区南京西路 1038 号", "EDCB", 31.229, 121.459),
        ("DEMO-E009", "上海徐汇装饰工程 Xuhui Decoration Engineering", CustomerKind.Dealer, "EAST", "rep.east", CustomerTier.Key, "上海市徐汇区漕溪北路 18 号", "E", 31.194, 121.437),
        ("DEMO-N001", "华北联合分销有限公司 North United Distribution", CustomerKind.Dealer, "NORTH", "rep.north", CustomerTier.Key, "北京市朝阳区建国路 66 号", "EDCBA", 39.908, 116.46),
        ("DEMO-N002", "天津海河二批市场 Tianjin Haihe Wholesale Market", CustomerKind.SecondaryWholesaler, "NORTH", "rep.north", CustomerTier.Ordinary, "天津市河西区友谊路 18 号", "EDCB", 39.096, 117.203),
        ("DEMO-N003", "石家庄百家零售 Shijiazhuang Baijia Retail", CustomerKind.Retailer, "NORTH", "rep.north", CustomerTier.Ordinary, "石家庄市长安区中山东路 300 号", "EDC", 38.043, 114.535),
        ("DEMO-N004", "太原晋阳建设集团 Taiyuan Jinyang Construction Group", CustomerKind.Group, "NORTH", "rep.north", CustomerTier.Key, "太原市小店区长风街 7 号", "ED", 37.83, 112.568),
        ("DEMO-N005", "济南王女士家装 Ms Wang Home Decor", CustomerKind.EndCustomer, "NORTH", "rep.north", CustomerTier.Ordinary, "济南市历下区泉城路 15 号", "E", 36.665, 117.02),
        ("DEMO-N006", "北京丰台建材市场 Fengtai Building Materials Market", CustomerKind.SecondaryWholesaler, "NORTH", "rep.north", CustomerTier.Ordinary, "北京市丰台区南四环西路 128 号", "EDC", 39.832, 116.287),
        ("DEMO-N007", "北京海淀陶瓷专营 Haidian Ceramics Store", CustomerKind.Retailer, "NORTH", "rep.north", CustomerTier.Ordinary, "北京市海淀区中关村大街 27 号", "ED", 39.983, 116.315),
        ("DEMO-N008", "北京东城家居馆 Dongcheng Home Gallery", CustomerKind.EndCustomer, "NORTH", "rep.north", CustomerTier.Ordinary, "北京市东城区东直门南大街 5 号", "EDCB", 39.94, 116.433),
        ("DEMO-N009", "北京通州装饰公司 Tongzhou Decoration Co.", CustomerKind.Dealer, "NORTH", "rep.north", CustomerTier.Key, "北京市通州区新华西街 60 号", "E", 39.907, 116.656),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var number = 0;
        foreach (var (code, name, kind, region, owner, tier, address, grades, latitude, longitude) in Customers)
        {
            number++;
            var at = now.AddDays(-150);
            var phone = region == "EAST" ? $"+86 21 5080 {1000 + number}" : $"+86 10 6590 {1000 + number}";
            var profile = new CustomerProfile(name, kind, region, "", address, latitude, longitude, phone, tier, CoordinateDatum.Gcj02);
            // Every fifth card was last checked with the customer half a year ago: the verification report has work.
            var verified = number % 5 == 0 ? now.AddDays(-180) : now.AddDays(-10);
            var customer = Customer.Register(code, profile, owner, CustomerGrade.E, owner, at, verified);
            db.Customers.Add(customer);
            customer.AddKeyPerson(new KeyPersonDetails(
                kind is CustomerKind.EndCustomer ? "业主本人 The owner" : "总经理 General manager", name, kind is CustomerKind.EndCustomer ? "业主" : "总经理",
                DecisionRole.DecisionMaker, true, $"138{number:D8}", "", "Demo key person"), owner, at);
            foreach (var grade in grades.Skip(1).Select(g => Enum.Parse<CustomerGrade>(g.ToString())))
            {
                at = at.AddDays(25);
                var reason = grade == CustomerGrade.A ? "Agreement signed (demo history)" : "Pipeline progress recorded on a visit (demo history)";
                customer.ChangeGrade(grade, reason, owner, at);
            }

            if (customer.Grade is CustomerGrade.A or CustomerGrade.B)
            {
                var limit = customer.Grade == CustomerGrade.A ? 500_000m : 200_000m;
                var manager = region == "EAST" ? "manager.east" : "manager.north";
                db.CreditLimitChanges.Add(customer.SetCreditLimit(limit, "Opening limit (demo)", manager, at)!);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
