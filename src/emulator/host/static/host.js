// The local CRM page's host: plays amoCRM's part. Builds the APP global from /__host/context, loads the
// widget's script.js through RequireJS exactly as the CRM does, injects the system methods into the
// widget's prototype and calls the callbacks in the CRM's order (render → init → bind_actions →
// advancedSettings). Plain ES5-ish JS on purpose: it stands in for the CRM, not for our code.
(function () {
  var body = document.body;
  var code = body.getAttribute('data-widget-code');
  var widgetPath = body.getAttribute('data-widget-path');

  function navigate(params) {
    var url = new URL(location.href);
    Object.keys(params).forEach(function (k) {
      url.searchParams.set(k, params[k]);
    });
    location.href = url.toString();
  }

  function fillSelect(id, options, current, onChange) {
    var select = document.getElementById(id);
    options.forEach(function (o) {
      var opt = document.createElement('option');
      opt.value = o.value;
      opt.textContent = o.label;
      if (String(o.value) === String(current)) opt.selected = true;
      select.appendChild(opt);
    });
    select.addEventListener('change', function () {
      onChange(select.value);
    });
  }

  function lookup(dict, key) {
    return key.split('.').reduce(function (node, part) {
      return node && typeof node === 'object' ? node[part] : undefined;
    }, dict);
  }

  function start(ctx, langs) {
    var constants = {
      user: ctx.user,
      user_rights: ctx.user_rights,
      account: ctx.account,
      managers: ctx.managers,
      groups: ctx.groups,
      task_types: {},
    };
    var area = `advanced-settings:${code}`;
    window.APP = {
      constant: function (key) {
        return constants[key];
      },
      getWidgetsArea: function () {
        return area;
      },
      getBaseEntity: function () {
        return 'settings';
      },
      isCard: function () {
        return false;
      },
      lang_id: ctx.lang,
      widgets: { system: { area: 'advanced-settings' } },
      notifications: {
        show_message: function (p) {
          console.info('[APP notification]', p.header, p.text);
        },
        show_message_error: function (p) {
          console.warn('[APP error]', p.header, p.text);
        },
      },
    };
    window.AMOCRM = window.APP;
    requirejs.config({ paths: { jquery: '/vendor/jquery' } });
    requirejs(
      [`${widgetPath}/script.js`],
      function (Widget) {
        var settings = {
          widget_code: code,
          path: widgetPath,
          version: ctx.widget.version,
          id: 1,
          active: 'Y',
          widget_active: 'Y',
          status: 'installed',
          images_path: `${widgetPath}/images`,
          baseline: ctx.settings.baseline,
        };
        // amoCRM injects its system methods into the prototype, then constructs the widget.
        Widget.prototype.i18n = function (key) {
          return lookup(langs, key);
        };
        Widget.prototype.langs = langs;
        Widget.prototype.get_settings = function () {
          return settings;
        };
        Widget.prototype.params = settings;
        Widget.prototype.get_version = function () {
          return settings.version;
        };
        Widget.prototype.system = function () {
          return {
            area: 'advanced-settings',
            amouser: ctx.user.login,
            amouser_id: ctx.user.id,
            subdomain: ctx.account.subdomain,
            domain: location.host,
            server: 'local',
          };
        };
        Widget.prototype.set_settings = function (values) {
          Object.assign(settings, values);
        };
        var widget = new Widget();
        window.__hostWidget = widget;
        var cb = widget.callbacks;
        if (cb.render() !== true) {
          console.error('render() did not return true: init and bind_actions are not called');
          return;
        }
        cb.init();
        cb.bind_actions();
        cb.advancedSettings();
        body.setAttribute('data-host-ready', 'true');
      },
      function (err) {
        console.error('the widget failed to load', err);
        body.setAttribute('data-host-ready', 'error');
      },
    );
  }

  function openSettings() {
    var modal = document.getElementById('host-modal');
    var content = modal.querySelector('.host-modal__content');
    content.replaceChildren();
    modal.querySelector('input[name="baseline"]').value = window.__hostWidget.get_settings().baseline || '';
    modal.hidden = false;
    require(['jquery'], function ($) {
      window.__hostWidget.callbacks.settings($(content));
    });
  }

  // Like the CRM: Save hands the modal's fields to onSave; when it returns true the settings are stored.
  function saveSettings(event) {
    event.preventDefault();
    var form = event.target;
    var fields = { baseline: form.querySelector('input[name="baseline"]').value };
    if (window.__hostWidget.callbacks.onSave({ active: 'Y', fields: fields }) !== true) return;
    void fetch('/__host/settings', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseline: fields.baseline }),
    }).then(function () {
      location.reload();
    });
  }

  fetch('/__host/context', { credentials: 'same-origin' })
    .then(function (r) {
      return r.json();
    })
    .then(function (ctx) {
      fillSelect(
        'host-seed',
        ctx.seeds.map(function (s) {
          return { value: s, label: s };
        }),
        ctx.seed,
        function (v) {
          navigate({ seed: v, user: 'admin' });
        },
      );
      fillSelect(
        'host-user',
        ctx.users.map(function (u) {
          return { value: u.id, label: u.name + (u.is_admin ? ' (admin)' : '') + (u.is_active ? '' : ' (inactive)') };
        }),
        ctx.user.id,
        function (v) {
          navigate({ user: v });
        },
      );
      document.getElementById('host-lang').value = ctx.lang;
      document.getElementById('host-lang').addEventListener('change', function (e) {
        navigate({ lang: e.target.value });
      });
      var theme = document.getElementById('host-theme');
      theme.value = document.documentElement.getAttribute('data-theme');
      theme.addEventListener('change', function () {
        navigate({ theme: theme.value });
      });
      document.getElementById('host-reset').addEventListener('click', function () {
        void fetch('/__host/reset', { method: 'POST', credentials: 'same-origin' }).then(function () {
          location.reload();
        });
      });
      document.getElementById('host-settings').addEventListener('click', openSettings);
      document.querySelector('.host-modal__form').addEventListener('submit', saveSettings);
      document.querySelector('.host-modal__close').addEventListener('click', function () {
        document.getElementById('host-modal').hidden = true;
      });
      return fetch(`${widgetPath}/i18n/${ctx.lang}.json`)
        .then(function (r) {
          return r.json();
        })
        .then(function (langs) {
          start(ctx, langs);
        });
    })
    .catch(function (err) {
      console.error('the host page could not start', err);
      body.setAttribute('data-host-ready', 'error');
    });
})();
