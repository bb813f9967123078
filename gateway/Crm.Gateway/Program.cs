using Crm.BuildingBlocks.Hosting;
using Crm.Gateway;
using Crm.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayEdge();
builder.AddServiceProxy();

var app = builder.Build();
app.UseGatewayEdge();
app.MapReverseProxy();
app.Run();
