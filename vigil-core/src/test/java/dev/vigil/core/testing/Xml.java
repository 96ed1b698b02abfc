package dev.vigil.core.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JDK's XML parser and XPath, for proving renderer output well-formed and asserting on its structure. */
public final class Xml {

    private Xml() {
    }

    /** Parses the text, throwing when it is not well-formed; a DOCTYPE is allowed but nothing external is loaded. */
    public static Document parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = f.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static List<Element> all(Document doc, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("bad xpath " + xpath, e);
        }
    }

    public static Element one(Document doc, String xpath) {
        List<Element> found = all(doc, xpath);
        if (found.size() != 1) {
            throw new AssertionError("expected one element at " + xpath + ", found " + found.size());
        }
        return found.getFirst();
    }

    public static String text(Document doc, String xpath) {
        return one(doc, xpath).getTextContent();
    }
}
