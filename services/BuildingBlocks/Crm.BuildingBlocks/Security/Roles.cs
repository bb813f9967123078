namespace Crm.BuildingBlocks.Security;

/// <summary>The platform's roles (DESIGN.md, Identity). Headquarters roles see every region.</summary>
public static class Roles
{
    public const string SalesRep = nameof(SalesRep);
    public const string BranchManager = nameof(BranchManager);
    public const string RegionalDirector = nameof(RegionalDirector);
    public const string MarketingGM = nameof(MarketingGM);
    public const string Chairman = nameof(Chairman);
    public const string CrmSupervisor = nameof(CrmSupervisor);
    public const string DepartmentHandler = nameof(DepartmentHandler);
    public const string Admin = nameof(Admin);

    /// <summary>Reception at the gate: sees the day's approved visits and checks visitors in and out, nothing else.</summary>
    public const string FrontDesk = nameof(FrontDesk);

    /// <summary>The contract custodian (合同专管员): keeps the standard contract text and holds signed originals of their regions.</summary>
    public const string ContractCustodian = nameof(ContractCustodian);

    /// <summary>Dealer administration (经销商管理): records the dealers' sales of their regions.</summary>
    public const string DealerAdministrator = nameof(DealerAdministrator);

    public static readonly IReadOnlyList<string> All =
        [SalesRep, BranchManager, RegionalDirector, MarketingGM, Chairman, CrmSupervisor, DepartmentHandler, Admin, FrontDesk, ContractCustodian, DealerAdministrator];

    public static readonly IReadOnlySet<string> Headquarters = new HashSet<string> { MarketingGM, Chairman, CrmSupervisor, Admin };

    /// <summary>The CRM supervisor and admins, who own the rules: routing, SLAs, calendars, weights, exports, owners, audit.</summary>
    public static readonly IReadOnlySet<string> Stewards = new HashSet<string> { CrmSupervisor, Admin };
}

/// <summary>Claim names in the platform's access tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Region = "region";
    public const string Department = "department";
}
