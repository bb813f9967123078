using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Contracts;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddContractsService();
builder.AddMessageBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapContractsService();
app.Run();
