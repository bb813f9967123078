using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Complaints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddComplaintsService();
builder.AddMessageBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapComplaintsService();
app.Run();
