using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Customers;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCustomersService();
builder.AddMessageBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCustomersService();
app.Run();
