Task("Dag")
    .Description("The step graph derived from declared inputs and outputs, as text and as a mermaid flowchart")
    .Does<PipelineSession>(p => PipelineHost.Print(p, DagRenderer.Text(p.Plan) + "\n" + DagRenderer.Mermaid(p.Plan)));
