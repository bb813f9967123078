namespace Crm.IntegrationEvents;

// The customer terms every service shares (DOMAIN.md, Customers). They are part of the published language, so they live here.

/// <summary>Pipeline grade by maturity (ABCDE 分级): E is first information, A is a signed agreement.</summary>
public enum CustomerGrade { A, B, C, D, E }

/// <summary>Key customers get a higher reception standard and approval chain than ordinary ones.</summary>
public enum CustomerTier { Ordinary, Key }

public enum CustomerKind { Dealer, SecondaryWholesaler, Retailer, EndCustomer, Group }

/// <summary>Invalid customers are deregistered (注销), never deleted.</summary>
public enum CustomerStatus { Active, Deregistered }

/// <summary>
/// The datum a card's coordinates are in. China uses three, 100–700 m apart: GPS's WGS-84, GCJ-02 (AMap, Tencent) and
/// BD-09 (Baidu). A distance is computed only after converting both points to one.
/// </summary>
public enum CoordinateDatum { Wgs84, Gcj02, Bd09 }
