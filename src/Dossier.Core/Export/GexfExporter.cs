using System.Globalization;
using System.Text;
using System.Xml;

namespace Dossier.Core.Export;

/// <summary>Writes the entity co-occurrence graph as GEXF 1.3 (Gephi's format): one node per
/// entity with its type and mention count as attributes, one undirected weighted edge per pair.</summary>
public static class GexfExporter
{
    private const string Namespace = "http://gexf.net/1.3";

    public static void Write(Stream output, CooccurrenceGraph graph)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "Dossier");
        xml.WriteElementString("description", Namespace, "Entities named in the same line of an article");
        xml.WriteEndElement();
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "undirected");
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", "node");
        WriteAttribute(xml, "type", "string");
        WriteAttribute(xml, "mentions", "integer");
        xml.WriteEndElement();
        xml.WriteStartElement("nodes", Namespace);
        foreach (var node in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", node.Label);
            xml.WriteStartElement("attvalues", Namespace);
            WriteValue(xml, "type", node.Type);
            WriteValue(xml, "mentions", node.Mentions.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("edges", Namespace);
        var number = 0;
        foreach (var edge in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", (number++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            xml.WriteAttributeString("weight", edge.Weight.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteAttribute(XmlWriter xml, string id, string type)
    {
        xml.WriteStartElement("attribute", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("title", id);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static void WriteValue(XmlWriter xml, string attribute, string value)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", attribute);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
