using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Visits;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddVisitsService();
builder.AddMessageBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapVisitsService();
app.Run();
