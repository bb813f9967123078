using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Hospitality;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHospitalityService();
builder.AddMessageBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapHospitalityService();
app.Run();
