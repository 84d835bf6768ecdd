package com.ardesk.kit.testapp;

import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.testapp.WidgetResource.NewWidget;
import com.ardesk.kit.testapp.WidgetResource.WidgetView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Widget writes and reads; joins the Idempotency-Key transaction when there is one, as services' writes do. */
@ApplicationScoped
public class Widgets {
    private final EntityManager em;

    public Widgets(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public WidgetView create(NewWidget body) {
        Widget widget = new Widget();
        widget.name = body.name();
        widget.amount = body.amount();
        em.persist(widget);
        // the insert reaches PostgreSQL here, so its constraint errors surface inside this request
        em.flush();
        return view(widget);
    }

    @Transactional
    public WidgetView get(long id) {
        Widget widget = em.find(Widget.class, id);
        if (widget == null) {
            throw ProblemException.notFound("widget", id);
        }
        return view(widget);
    }

    private static WidgetView view(Widget widget) {
        return new WidgetView(widget.id, widget.name, widget.amount);
    }
}
