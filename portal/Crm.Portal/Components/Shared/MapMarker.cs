using Crm.BuildingBlocks.Geo;
using Crm.IntegrationEvents;

namespace Crm.Portal.Components.Shared;

/// <summary>
/// A point on a <see cref="LeafletMap"/>, in the datum it was recorded in: <see cref="Label"/> is drawn in the marker,
/// <see cref="Name"/> is its accessible name and the title of its popup, <see cref="Href"/> the popup's link.
/// </summary>
public sealed record MapMarker(
    double Latitude, double Longitude, CoordinateDatum Datum, string Label, string Name, string CssClass, string? Detail = null, string? Href = null)
{
    /// <summary>Where to draw it on tiles in <paramref name="tileDatum"/>: AMap's and Tencent's tiles are GCJ-02, and a WGS-84 point drawn on them lands 100–700 m off.</summary>
    public GeoPoint On(CoordinateDatum tileDatum) => Datums.FromWgs84(Datums.ToWgs84(new GeoPoint(Latitude, Longitude), Datum), tileDatum);
}

/// <summary>The line a <see cref="LeafletMap"/> draws through its markers, in their order.</summary>
public enum MapRoute { None, Open, BackToFirst }
